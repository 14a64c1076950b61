"""Result columns: the single source for every table a solve or an analysis produces.

As :mod:`foodchain.model.schema` specs the *input* columns, this module specs the *output*
columns: for each name its dtype, unit, a description and a label in English (``en``) and
Bahasa Indonesia (``id``). The result tables (:mod:`foodchain.optimize.results`), the
store (:data:`SOLVE_TABLES`), the app's column headers and the reports read them from here.

A name means one thing in every table it appears in. The names written by ``solve``,
``criticality`` and ``ensemble`` (DESIGN.md section 5) are a contract and never change;
where such a name has no unit in it (``added_cost``, ``transport_cost``, ``shadow_price``)
the unit lives in :attr:`ResultColumn.unit` and in the labels people read.

``kind`` in this project has meant four things; each is kept where a file format fixes it:

* ``nodes.kind`` (input): source, hub or market.
* ``kind`` of ``criticality.csv``, ``flood-overlay`` and the lever duals (results): what the
  row's target or element is -- route, corridor or node. This is the one result meaning.
* the ``kind`` of a store audit event (``activate``, ...) and of an ensemble event
  (``corridor`` or ``zone``): internal words, not result columns.
* a disruption's kind is always called ``type`` (scenario files), never ``kind``.

Units (:data:`UNITS`): ``t`` tonnes summed over the days shown, ``t/day`` tonnes a day,
``Rp`` rupiah, ``Rp per t/day`` rupiah a day per extra t/day of capacity, ``share`` a fraction
0-1 (shown as %), ``probability`` a fraction of runs, ``day`` a 1-based day number, ``days``
a number of days, ``people``, ``person-days``, ``rank`` (1 first), ``count``, ``m`` metres,
``number`` a bare number (a seed), ``ratio`` (flow / capacity, may pass 1). Text, ids and
yes/no columns have no unit.
"""

from __future__ import annotations

from dataclasses import dataclass

UNITS = (
    "t",
    "t/day",
    "Rp",
    "Rp per t/day",
    "t per million Rp",
    "share",
    "probability",
    "day",
    "days",
    "people",
    "person-days",
    "rank",
    "count",
    "m",
    "number",
    "ratio",
    "s",
)
LANGS = ("en", "id")
ANY_COMMODITY = "any"  # people_affected.commodity of the row counting all commodities together


@dataclass(frozen=True)
class ResultColumn:
    """One column of the result tables.

    ``dtype`` is ``str``, ``int``, ``float``, ``bool``, ``date`` (ISO text) or ``json``
    (a nested value of a JSON document). ``label`` and ``description`` map a language
    (``en``, ``id``) to the text.
    """

    name: str
    dtype: str
    unit: str
    label: dict[str, str]
    description: dict[str, str]

    def label_in(self, lang: str) -> str:
        """The header people read in ``lang`` (English for an unknown language)."""
        return self.label.get(lang, self.label["en"])


def _c(name: str, dtype: str, unit: str, en: str, id_: str, about_en: str, about_id: str) -> ResultColumn:
    return ResultColumn(name, dtype, unit, {"en": en, "id": id_}, {"en": about_en, "id": about_id})


# fmt: off
_SPECS = (
    # keys of every table
    _c("node_id", "str", "", "Place id", "Id tempat", "id of the place (node)", "id tempat (simpul)"),
    _c("route_id", "str", "", "Route id", "Id rute", "id of the route", "id rute"),
    _c("commodity", "str", "", "Commodity", "Komoditas", "commodity id", "id komoditas"),
    _c("day", "int", "day", "Day", "Hari", "day number, 1 = first day (0 = stock at the start)",
       "nomor hari, 1 = hari pertama (0 = stok awal)"),
    _c("name", "str", "", "Name", "Nama", "display name", "nama tampilan"),
    _c("region", "str", "", "Region", "Wilayah", "kota or kabupaten", "kota atau kabupaten"),
    _c("id", "str", "", "Id", "Id", "id of the route or place", "id rute atau tempat"),
    _c("kind", "str", "", "Kind", "Jenis", "what the row names: route, corridor or node",
       "yang dimaksud baris ini: rute, koridor atau simpul"),
    # solve: shortfall, flows, route_use, node_use, stock, supply_use
    _c("demand_t", "float", "t", "Demand (t)", "Permintaan (t)", "tonnes needed", "ton yang dibutuhkan"),
    _c("delivered_t", "float", "t", "Delivered (t)", "Terkirim (t)", "tonnes delivered", "ton yang terkirim"),
    _c("shortfall_t", "float", "t", "Shortfall (t)", "Kekurangan (t)", "tonnes of demand not met",
       "ton permintaan yang tidak terpenuhi"),
    _c("flow_t", "float", "t", "Flow (t)", "Arus (t)", "tonnes leaving on the route that day",
       "ton yang berangkat lewat rute pada hari itu"),
    _c("capacity_t", "float", "t/day", "Capacity (t/day)", "Kapasitas (t/hari)",
       "route capacity that day after the scenario, all commodities (blank: unlimited)",
       "kapasitas rute hari itu setelah skenario, semua komoditas (kosong: tak terbatas)"),
    _c("utilisation", "float", "ratio", "Utilisation (%)", "Pemakaian (%)", "flow / capacity",
       "arus / kapasitas"),
    _c("shadow_price", "float", "Rp per t/day", "Shadow price (Rp saved per extra t/day)",
       "Harga bayangan (Rp per t/hari tambahan)",
       "what one more t/day of capacity would save (0: not binding)",
       "penghematan dari satu t/hari kapasitas tambahan (0: tidak mengikat)"),
    _c("throughput_t", "float", "t/day", "Throughput (t/day)", "Kapasitas bongkar (t/hari)",
       "node throughput that day after the scenario (blank: unlimited)",
       "kapasitas bongkar simpul hari itu setelah skenario (kosong: tak terbatas)"),
    _c("arrivals_t", "float", "t", "Arrivals (t)", "Kedatangan (t)", "tonnes arriving that day",
       "ton yang tiba hari itu"),
    _c("departures_t", "float", "t", "Departures (t)", "Keberangkatan (t)", "tonnes leaving that day",
       "ton yang berangkat hari itu"),
    _c("stock_t", "float", "t", "Stock (t)", "Stok (t)", "stock held at the end of the day",
       "stok yang dipegang di akhir hari"),
    _c("lost_t", "float", "t", "Lost to shelf life (t)", "Rusak karena umur simpan (t)",
       "stock older than its shelf life, lost that day", "stok melewati umur simpan, hilang hari itu"),
    _c("available_t", "float", "t/day", "Supply available (t/day)", "Pasokan tersedia (t/hari)",
       "most tonnes the supply row offers that day", "ton terbanyak yang ditawarkan baris pasokan hari itu"),
    _c("used_t", "float", "t", "Supply used (t)", "Pasokan terpakai (t)", "tonnes taken from the supply row",
       "ton yang diambil dari baris pasokan"),
    # solve: summary.json
    _c("status", "str", "", "Status", "Status", "solver status (optimal, infeasible, ...)",
       "status pemecah (optimal, tidak layak, ...)"),
    _c("scenario", "str", "", "Scenario", "Skenario", "scenario name", "nama skenario"),
    _c("objective", "float", "Rp", "Model objective (Rp)", "Nilai tujuan model (Rp)",
       "transport + supply cost + weighted shortfall penalty", "biaya angkut + pasokan + penalti kekurangan berbobot"),
    _c("days", "int", "days", "Days", "Hari", "days solved", "jumlah hari yang dihitung"),
    _c("total_demand_t", "float", "t", "Total demand (t)", "Total permintaan (t)",
       "demand over all days, study area", "permintaan semua hari, wilayah kajian"),
    _c("total_delivered_t", "float", "t", "Total delivered (t)", "Total terkirim (t)",
       "delivered over all days, study area", "terkirim semua hari, wilayah kajian"),
    _c("total_shortfall_t", "float", "t", "Total shortfall (t)", "Total kekurangan (t)",
       "shortfall over all days, study area", "kekurangan semua hari, wilayah kajian"),
    _c("external_demand_t", "float", "t", "Demand outside the study area (t)", "Permintaan di luar wilayah kajian (t)",
       "demand of external nodes over all days", "permintaan simpul eksternal semua hari"),
    _c("external_shortfall_t", "float", "t", "Shortfall outside the study area (t)",
       "Kekurangan di luar wilayah kajian (t)", "shortfall of external nodes over all days",
       "kekurangan simpul eksternal semua hari"),
    _c("transport_cost", "float", "Rp", "Transport cost (Rp)", "Biaya angkut (Rp)", "sum of flow x route cost",
       "jumlah arus x biaya rute"),
    _c("supply_cost", "float", "Rp", "Supply cost (Rp)", "Biaya pasokan (Rp)", "sum of supply used x purchase cost",
       "jumlah pasokan terpakai x biaya beli"),
    _c("by_commodity", "json", "t", "By commodity (t)", "Per komoditas (t)",
       "demand_t, delivered_t, shortfall_t per commodity", "demand_t, delivered_t, shortfall_t per komoditas"),
    _c("solver", "str", "", "Solver", "Pemecah", "LP solver used", "pemecah LP yang dipakai"),
    _c("timings_s", "json", "s", "Timings (s)", "Waktu (detik)", "seconds per stage", "detik per tahap"),
    _c("perfect_foresight", "bool", "", "Perfect foresight", "Pandangan sempurna",
       "the model knows the whole scenario in advance: results are the best response",
       "model mengetahui seluruh skenario sejak awal: hasilnya respons terbaik"),
    _c("horizon", "json", "", "Horizon method", "Metode horizon",
       "exact (one LP over every day), or rolling with its window_days and kept_days (an approximation)",
       "eksak (satu LP untuk semua hari), atau bergulir dengan window_days dan kept_days (perkiraan)"),
    _c("start_date", "date", "", "Date of day 1", "Tanggal hari 1", "date of day 1 (ISO in summary.json)",
       "tanggal hari 1 (ISO di summary.json)"),
    # outcomes and reports
    _c("item", "str", "", "Item", "Butir", "name of the figure", "nama angka"),
    _c("value", "str", "", "Value", "Nilai", "the figure", "angkanya"),
    _c("about", "str", "", "What it means", "Artinya", "what the figure means", "arti angka itu"),
    _c("share_unmet", "float", "share", "Unmet (%)", "Tak terpenuhi (%)", "shortfall / demand",
       "kekurangan / permintaan"),
    _c("days_affected", "int", "days", "Days affected", "Hari terdampak",
       "days the zone lacks >= 10% of a commodity", "hari zona kekurangan >= 10% satu komoditas"),
    _c("population", "float", "people", "Population", "Penduduk", "people served here", "penduduk yang dilayani"),
    _c("people_affected", "float", "people", "People affected (zones with >= 10% of a food unmet)",
       "Penduduk terdampak (zona >= 10% satu komoditas tak terpenuhi)",
       "population of zones lacking >= 10% of a commodity", "penduduk zona yang kekurangan >= 10% satu komoditas"),
    _c("zones_affected", "int", "count", "Zones affected", "Zona terdampak", "zones lacking >= 10% of a commodity",
       "zona yang kekurangan >= 10% satu komoditas"),
    _c("people_affected_worst_day_people", "float", "people", "People affected on the worst day",
       "Penduduk terdampak pada hari terburuk", "most people affected on one day",
       "penduduk terdampak terbanyak dalam satu hari"),
    _c("people_affected_worst_day", "int", "day", "Worst day", "Hari terburuk", "day with the most people affected",
       "hari dengan penduduk terdampak terbanyak"),
    _c("people_affected_person_days", "float", "person-days", "People affected (person-days)",
       "Penduduk terdampak (orang-hari)", "people affected summed over the days",
       "penduduk terdampak dijumlah per hari"),
    _c("people_affected_threshold", "float", "share", "Threshold for affected (%)", "Ambang terdampak (%)",
       "unmet share of a commodity from which a zone counts as affected",
       "bagian tak terpenuhi satu komoditas mulai zona dihitung terdampak"),
    _c("people_affected_definition", "str", "", "Who counts as affected", "Siapa yang terdampak",
       "the definition in words", "definisinya dalam kata"),
    _c("sent_t_per_day", "float", "t/day", "Sent (t/day)", "Dikirim (t/hari)", "tonnes the hub sends out on day 1",
       "ton yang dikirim hub pada hari 1"),
    _c("cover_days", "float", "days", "Days of cover", "Hari cakupan", "stock / tonnes a day",
       "stok / ton per hari"),
    _c("hub_stock_t", "float", "t", "Stock at hubs (t)", "Stok di hub (t)", "initial stock at hubs",
       "stok awal di hub"),
    _c("demand_t_per_day", "float", "t/day", "Demand (t/day)", "Permintaan (t/hari)", "tonnes a day needed",
       "ton per hari yang dibutuhkan"),
    # criticality.csv
    _c("target", "str", "", "Target", "Target", "route id, corridor name or node id closed",
       "id rute, nama koridor atau id simpul yang ditutup"),
    _c("added_shortfall_t", "float", "t",
       "Added shortfall in the study area (t, the closed place's own demand left out)",
       "Tambahan kekurangan di wilayah kajian (t, tanpa kebutuhan tempat yang ditutup)",
       "shortfall added by the closure", "kekurangan yang ditambah oleh penutupan"),
    _c("added_cost", "float", "Rp", "Change in transport + purchase cost (Rp; negative: less food moved)",
       "Perubahan biaya angkut + pembelian (Rp; negatif: lebih sedikit pangan diangkut)",
       "cost with the change minus cost without it", "biaya dengan perubahan dikurangi biaya tanpanya"),
    _c("rank", "int", "rank", "Rank", "Peringkat", "1 = most critical", "1 = paling kritis"),
    _c("added_weighted_shortfall", "float", "Rp",
       "Added weighted shortfall (Rp of penalty: t x commodity penalty x vulnerability)",
       "Tambahan kekurangan berbobot (Rp penalti: t x penalti komoditas x kerentanan)",
       "penalty of the added shortfall", "penalti dari tambahan kekurangan"),
    _c("added_objective", "float", "Rp", "Change in model objective: cost + shortfall penalty (Rp)",
       "Perubahan tujuan model: biaya + penalti kekurangan (Rp)", "objective with minus without",
       "tujuan dengan dikurangi tanpa"),
    _c("routes_closed", "int", "count", "Routes closed", "Rute ditutup", "routes the closure touches",
       "rute yang terkena penutupan"),
    _c("added_external_shortfall_t", "float", "t", "Added shortfall outside the study area (t)",
       "Tambahan kekurangan di luar wilayah kajian (t)", "shortfall added at external nodes",
       "kekurangan yang bertambah di simpul eksternal"),
    # mitigation levers and their duals
    _c("lever", "str", "", "Lever", "Langkah", "what is done", "apa yang dilakukan"),
    _c("type", "str", "", "Type", "Tipe", "type of lever", "tipe langkah"),
    _c("amount", "float", "number", "Amount", "Jumlah", "size of the lever in its own unit",
       "besar langkah dalam satuannya"),
    _c("cost_rp", "float", "Rp", "Lever cost (Rp)", "Biaya langkah (Rp)", "what the lever costs",
       "biaya langkah"),
    _c("shortfall_removed_t", "float", "t", "Shortfall removed (t)", "Kekurangan dihapus (t)",
       "shortfall the lever removes", "kekurangan yang dihapus langkah"),
    _c("weighted_shortfall_removed", "float", "Rp", "Weighted shortfall removed (Rp)",
       "Kekurangan berbobot dihapus (Rp)", "penalty of the shortfall removed", "penalti kekurangan yang dihapus"),
    _c("t_per_million_rp", "float", "t per million Rp", "t per million Rp", "t per juta Rp",
       "shortfall removed per million rupiah of lever cost", "kekurangan dihapus per juta rupiah biaya langkah"),
    _c("rank_shortfall", "int", "rank", "Rank (t)", "Peringkat (t)", "1 = removes the most shortfall",
       "1 = menghapus kekurangan terbanyak"),
    _c("rank_per_rp", "int", "rank", "Rank (t/Rp)", "Peringkat (t/Rp)", "1 = most shortfall removed per rupiah",
       "1 = kekurangan dihapus terbanyak per rupiah"),
    _c("method", "str", "", "Method", "Metode", "how the lever was evaluated", "cara langkah dihitung"),
    _c("note", "str", "", "Note", "Catatan", "note", "catatan"),
    _c("days_binding", "int", "days", "Days binding", "Hari mengikat", "days the capacity is binding",
       "hari kapasitas mengikat"),
    _c("shadow_price_sum", "float", "Rp per t/day", "Shadow price, sum over days (Rp per t/day)",
       "Harga bayangan, jumlah semua hari (Rp per t/hari)", "shadow price summed over the days",
       "harga bayangan dijumlah semua hari"),
    _c("shadow_price_max", "float", "Rp per t/day", "Shadow price, largest (Rp per t/day)",
       "Harga bayangan terbesar (Rp per t/hari)", "largest shadow price of a day",
       "harga bayangan terbesar dalam satu hari"),
    # ensemble.csv, ensemble_zones.csv, ensemble_summary.json
    _c("run", "str", "", "Run", "Skenario", "run number or name", "nomor atau nama jalannya"),
    _c("seed", "int", "number", "Seed", "Benih acak", "random seed of the run", "benih acak jalannya"),
    _c("flooded", "str", "", "Flooded", "Tergenang", "corridors and zones flooded", "koridor dan zona yang tergenang"),
    _c("events", "str", "", "Events", "Kejadian", "each flood with its days", "tiap banjir dengan harinya"),
    _c("weighted_shortfall", "float", "Rp", "Weighted shortfall (Rp)", "Kekurangan berbobot (Rp)",
       "shortfall x penalty x vulnerability", "kekurangan x penalti x kerentanan"),
    _c("cost", "float", "Rp", "Cost (Rp)", "Biaya (Rp)", "transport + supply cost", "biaya angkut + pasokan"),
    _c("expected_shortfall_t", "float", "t", "Expected shortfall (t)", "Kekurangan rata-rata (t)",
       "mean shortfall over the runs", "rata-rata kekurangan semua jalannya"),
    _c("max_shortfall_t", "float", "t", "Largest shortfall (t)", "Kekurangan terbesar (t)",
       "largest shortfall of a run", "kekurangan terbesar satu jalannya"),
    _c("p_share_above_5pct", "float", "probability", "Chance > 5% unmet", "Peluang > 5% tak terpenuhi",
       "share of runs with more than 5% of demand unmet", "bagian jalannya dengan > 5% permintaan tak terpenuhi"),
    _c("runs", "int", "count", "Runs", "Jumlah jalannya", "runs drawn", "jalannya yang diundi"),
    _c("failed_runs", "int", "count", "Failed runs", "Jalannya gagal", "runs without an optimum",
       "jalannya tanpa optimum"),
    _c("horizon_days", "int", "days", "Horizon (days)", "Jangka waktu (hari)", "days solved",
       "hari yang dihitung"),
    _c("std_shortfall_t", "float", "t", "Spread of shortfall (t)", "Sebaran kekurangan (t)",
       "standard deviation of the shortfall over runs", "simpangan baku kekurangan semua jalannya"),
    _c("shortfall_t_p50", "float", "t", "Shortfall, median (t)", "Kekurangan, median (t)",
       "median shortfall of the runs", "median kekurangan jalannya"),
    _c("shortfall_t_p90", "float", "t", "Shortfall, 90th percentile (t)", "Kekurangan, persentil 90 (t)",
       "90th percentile of the shortfall", "persentil 90 kekurangan"),
    _c("shortfall_t_p95", "float", "t", "Shortfall, 95th percentile (t)", "Kekurangan, persentil 95 (t)",
       "95th percentile of the shortfall", "persentil 95 kekurangan"),
    _c("expected_share_unmet", "float", "share", "Expected unmet (%)", "Rata-rata tak terpenuhi (%)",
       "mean unmet share over runs", "rata-rata bagian tak terpenuhi"),
    _c("threshold_share", "float", "share", "Threshold (%)", "Ambang (%)", "unmet share counted as short",
       "bagian tak terpenuhi yang dihitung kekurangan"),
    _c("p_any_shortfall", "float", "probability", "Chance of any shortfall", "Peluang ada kekurangan",
       "share of runs with any shortfall", "bagian jalannya dengan kekurangan"),
    _c("expected_cost", "float", "Rp", "Expected cost (Rp)", "Biaya rata-rata (Rp)", "mean cost over runs",
       "rata-rata biaya semua jalannya"),
    _c("worst_runs", "json", "t", "Worst runs", "Jalannya terburuk", "the runs with the most shortfall",
       "jalannya dengan kekurangan terbanyak"),
    _c("zones_at_risk", "json", "probability", "Zones at risk", "Zona berisiko", "zones most often short",
       "zona yang paling sering kekurangan"),
    # compare
    _c("base_share", "float", "share", "Unmet in baseline (%)", "Tak terpenuhi baseline (%)",
       "unmet share without the scenario", "bagian tak terpenuhi tanpa skenario"),
    _c("scenario_share", "float", "share", "Unmet in scenario (%)", "Tak terpenuhi skenario (%)",
       "unmet share with the scenario", "bagian tak terpenuhi dengan skenario"),
    _c("difference", "float", "share", "Change in unmet (%)", "Selisih tak terpenuhi (%)",
       "scenario minus baseline", "skenario dikurangi baseline"),
    _c("base_price", "float", "Rp per t/day", "Baseline value (Rp per t/day)", "Nilai baseline (Rp per t/hari)",
       "largest shadow price without the scenario", "harga bayangan terbesar tanpa skenario"),
    _c("scenario_price", "float", "Rp per t/day", "Scenario value (Rp per t/day)", "Nilai skenario (Rp per t/hari)",
       "largest shadow price with the scenario", "harga bayangan terbesar dengan skenario"),
    _c("rise", "float", "Rp per t/day", "Rise (Rp per t/day)", "Kenaikan (Rp per t/hari)",
       "scenario value minus baseline value", "nilai skenario dikurangi nilai baseline"),
    _c("delivered_t_per_day", "float", "t/day", "Delivered (t/day)", "Terkirim (t/hari)", "delivered / days",
       "terkirim / hari"),
    _c("shortfall_t_per_day", "float", "t/day", "Shortfall (t/day)", "Kekurangan (t/hari)", "shortfall / days",
       "kekurangan / hari"),
    _c("transport_cost_per_day", "float", "Rp", "Transport cost per day (Rp)", "Biaya angkut per hari (Rp)",
       "transport cost / days", "biaya angkut / hari"),
    _c("supply_cost_per_day", "float", "Rp", "Supply cost per day (Rp)", "Biaya pasokan per hari (Rp)",
       "supply cost / days", "biaya pasokan / hari"),
    # flood-overlay
    _c("flood", "str", "", "Flood", "Banjir", "flood polygon", "poligon banjir"),
    _c("depth_m", "float", "m", "Depth (m)", "Kedalaman (m)", "flood depth", "kedalaman banjir"),
    _c("factor", "float", "share", "Capacity left (%)", "Kapasitas tersisa (%)", "capacity kept (0 = closed)",
       "kapasitas yang tersisa (0 = tertutup)"),
    _c("start_day", "int", "day", "First day", "Hari mulai", "first day of the disruption", "hari pertama gangguan"),
    _c("end_day", "int", "day", "Last day", "Hari akhir", "last day of the disruption", "hari terakhir gangguan"),
    _c("disruption", "int", "number", "Disruption no.", "Gangguan ke-", "number of the disruption in the scenario",
       "nomor gangguan dalam skenario"),
)
# fmt: on
COLUMNS: dict[str, ResultColumn] = {c.name: c for c in _SPECS}

SOLVE_TABLES = ("shortfall", "flows", "route_use", "node_use", "stock", "supply_use")
_SHORT = ("node_id", "commodity", "day", "demand_t", "delivered_t", "shortfall_t")
_ZONE = ("node_id", "name", "region", "demand_t", "shortfall_t", "share_unmet", "days_affected")

# fmt: off
TABLES: dict[str, tuple[str, ...]] = {
    "shortfall": _SHORT,
    "flows": ("route_id", "commodity", "day", "flow_t"),
    "route_use": ("route_id", "day", "capacity_t", "flow_t", "utilisation", "shadow_price"),
    "node_use": ("node_id", "day", "throughput_t", "arrivals_t", "departures_t", "shadow_price"),
    "stock": ("node_id", "commodity", "day", "stock_t", "lost_t"),
    "supply_use": ("node_id", "commodity", "day", "available_t", "used_t"),
    "summary": (
        "status", "scenario", "objective", "days", "total_demand_t", "total_delivered_t", "total_shortfall_t",
        "external_demand_t", "external_shortfall_t", "transport_cost", "supply_cost", "by_commodity", "solver",
        "timings_s", "perfect_foresight", "horizon", "start_date",
    ),
    "report_summary": ("item", "value", "about"),
    "by_commodity": ("commodity", "demand_t", "delivered_t", "shortfall_t", "share_unmet"),
    "by_zone": _ZONE + ("population", "people_affected"),
    "worst_day_by_zone": _ZONE[:3] + ("day",) + _ZONE[3:] + ("population", "people_affected"),
    "by_day": ("day", "commodity", "demand_t", "shortfall_t", "share_unmet"),
    "people_affected": ("commodity", "day", "people_affected", "zones_affected"),
    "people_summary": (
        "people_affected_worst_day_people", "people_affected_worst_day", "people_affected_person_days",
        "people_affected_threshold", "people_affected_definition",
    ),
    "hub_stock": ("node_id", "name", "commodity", "day", "stock_t"),
    "stock_cover": ("node_id", "name", "commodity", "stock_t", "sent_t_per_day", "cover_days"),
    "city_cover": ("commodity", "hub_stock_t", "demand_t_per_day", "cover_days"),
    "criticality": (
        "target", "kind", "added_shortfall_t", "added_cost", "rank", "added_weighted_shortfall", "added_objective",
        "shortfall_t", "name", "routes_closed", "status", "added_external_shortfall_t",
    ),
    "levers": (
        "lever", "type", "target", "amount", "cost_rp", "shortfall_t", "shortfall_removed_t",
        "weighted_shortfall_removed", "added_cost", "t_per_million_rp", "shadow_price", "rank_shortfall",
        "rank_per_rp", "method", "status", "note",
    ),
    "lever_duals": ("kind", "id", "name", "days_binding", "shadow_price_sum", "shadow_price_max"),
    "ensemble": (
        "run", "seed", "scenario", "flooded", "events", "total_shortfall_t", "share_unmet", "weighted_shortfall",
        "cost", "objective", "status",
    ),
    "ensemble_zones": (
        "node_id", "name", "region", "demand_t", "expected_shortfall_t", "max_shortfall_t", "p_share_above_5pct",
    ),
    "ensemble_summary": (
        "name", "runs", "failed_runs", "seed", "horizon_days", "total_demand_t", "expected_shortfall_t",
        "std_shortfall_t", "shortfall_t_p50", "shortfall_t_p90", "shortfall_t_p95", "expected_share_unmet",
        "threshold_share", "p_share_above_5pct", "p_any_shortfall", "expected_cost", "worst_runs", "zones_at_risk",
        "perfect_foresight",
    ),
    "compare_totals": (
        "run", "days", "demand_t", "delivered_t", "shortfall_t", "share_unmet", "transport_cost", "supply_cost",
    ),
    "compare_totals_per_day": (
        "run", "days", "demand_t_per_day", "delivered_t_per_day", "shortfall_t_per_day", "share_unmet",
        "transport_cost_per_day", "supply_cost_per_day",
    ),
    "compare_commodity": ("run", "commodity", "days", "demand_t", "shortfall_t", "share_unmet"),
    "compare_commodity_per_day": ("run", "commodity", "days", "demand_t_per_day", "shortfall_t_per_day", "share_unmet"),
    "zone_difference": ("node_id", "base_share", "scenario_share", "difference"),
    "route_price_rises": ("route_id", "base_price", "scenario_price", "rise"),
    "node_price_rises": ("node_id", "base_price", "scenario_price", "rise"),
    "flood_overlay": ("kind", "id", "name", "flood", "depth_m", "factor", "start_day", "end_day", "disruption"),
}
# fmt: on

TITLES: dict[str, dict[str, str]] = {  # tables as people name them (sheet names: at most 31 characters)
    "report_summary": {"en": "Summary", "id": "Ringkasan"},
    "by_commodity": {"en": "By commodity", "id": "Per komoditas"},
    "by_zone": {"en": "By zone", "id": "Per zona"},
    "worst_day_by_zone": {"en": "Worst day by zone", "id": "Hari terburuk per zona"},
    "by_day": {"en": "By day", "id": "Per hari"},
    "people_affected": {"en": "People affected", "id": "Penduduk terdampak"},
    "hub_stock": {"en": "Stock at hubs", "id": "Stok di hub"},
    "shortfall": {"en": "Shortfall by place", "id": "Kekurangan per tempat"},
    "route_use": {"en": "Route use", "id": "Pemakaian rute"},
    "flows": {"en": "Flows", "id": "Arus"},
    "node_use": {"en": "Place use", "id": "Pemakaian tempat"},
    "stock": {"en": "Stock", "id": "Stok"},
    "supply_use": {"en": "Supply use", "id": "Pemakaian pasokan"},
    "criticality": {"en": "Critical targets", "id": "Titik kritis"},
    "levers": {"en": "Levers", "id": "Langkah"},
    "ensemble": {"en": "Ensemble runs", "id": "Jalannya ensemble"},
    "ensemble_zones": {"en": "Ensemble zones", "id": "Zona ensemble"},
}


def column(name: str) -> ResultColumn | None:
    """The spec of result column ``name`` (``None`` if it is not a result column)."""
    return COLUMNS.get(name)


def table_columns(table: str) -> list[str]:
    """The columns of result table ``table`` in their documented order."""
    return list(TABLES[table])


def label(name: str, lang: str) -> str:
    """The header of result column ``name`` in ``lang`` (the name itself if it is not specced).

    Parameters
    ----------
    name : str
        The column's name, e.g. ``shortfall_t``.
    lang : str
        Language code, ``"id"`` or ``"en"``; English for a language with no header.

    Returns
    -------
    str
    """
    spec = COLUMNS.get(name)
    return name if spec is None else spec.label_in(lang)


def title(table: str, lang: str) -> str:
    """The name of ``table`` people read in ``lang`` (the table's name if it has none).

    Parameters
    ----------
    table : str
        The table's name, e.g. ``by_zone`` (a key of :data:`TITLES`).
    lang : str
        Language code, ``"id"`` or ``"en"``; English for a language with no title.

    Returns
    -------
    str
    """
    names = TITLES.get(table)
    return table if names is None else names.get(lang, names["en"])
