"""Words of the policy brief in Bahasa Indonesia and English: headings, and a scenario in words."""

from __future__ import annotations

from foodchain import fmt
from foodchain.optimize.disruptions import target_values

TEXT = {
    "title": ("Ringkasan kebijakan: kekurangan pangan", "Policy brief: food shortfalls"),
    "scenario": ("Skenario", "Scenario"),
    "what_happens": ("Apa yang terjadi", "What happens"),
    "headline": ("Angka utama", "Headline figures"),
    "map": ("Peta kekurangan per kecamatan", "Shortfall map by kecamatan"),
    "worst": ("Sepuluh kecamatan paling terdampak", "The ten worst-hit kecamatan"),
    "levers": ("Tiga langkah yang paling membantu", "The three levers that help most"),
    "about": ("Tentang angka ini", "About these figures"),
    "commodity": ("Komoditas", "Commodity"),
    "demand": ("Permintaan", "Demand"),
    "shortfall": ("Kekurangan", "Shortfall"),
    "unmet": ("Tak terpenuhi", "Unmet"),
    "total": ("Jumlah", "Total"),
    "kecamatan": ("Kecamatan", "Kecamatan"),
    "kota": ("Kota", "Kota"),
    "people": ("Penduduk terdampak", "People affected"),
    "lever": ("Langkah", "Lever"),
    "removed": ("Kekurangan yang dihapus", "Shortfall removed"),
    "total_line": (
        "Kekurangan total {total} dari permintaan {demand} ({share}) selama {days}; {people} penduduk terdampak.",
        "Total shortfall {total} of {demand} demanded ({share}) over {days}; {people} people affected.",
    ),
    "no_shortfall": ("Tidak ada kekurangan: seluruh permintaan terpenuhi.", "No shortfall: all demand is met."),
    "people_note": (
        "Penduduk terdampak = penduduk kecamatan x bagian permintaannya yang tak terpenuhi.",
        "People affected = the kecamatan's population x the share of its demand not met.",
    ),
    "foresight": (
        "Model mengetahui seluruh skenario sejak awal (pandangan sempurna): hasilnya adalah respons terbaik "
        "yang mungkin, bukan ramalan perilaku pedagang.",
        "The model knows the whole scenario in advance (perfect foresight): results are the best possible "
        "response, not a forecast of how traders will behave.",
    ),
    "rolling": (
        "Perkiraan: {days} hari diselesaikan sebagai horizon bergulir (jendela {window} hari). Rencana ini layak "
        "tetapi belum terbukti terbaik; pada skenario uji Jakarta biayanya paling banyak {gap} % di atas optimum.",
        "Approximate: the {days} days were solved as a rolling horizon (windows of {window} days). The plan is "
        "feasible but not proven the best; on Jakarta's test scenarios it cost at most {gap} % above the optimum.",
    ),
    "data_line": ("Data: {data} · dibuat {when} · foodchain", "Data: {data} · made {when} · foodchain"),
    "inset": ("Sisipan", "Inset"),
    "no_levers": (
        "Langkah mitigasi belum dijalankan untuk skenario ini (foodchain mitigate).",
        "Mitigation was not run for this scenario (foodchain mitigate).",
    ),
    "days_span": ("{start} s.d. {end}", "{start} to {end}"),
    "n_days": ("{n} hari", "{n} days"),
    "whole_horizon": ("sepanjang skenario", "for the whole scenario"),
    "close_route": ("Rute ditutup: {what}", "Routes closed: {what}"),
    "close_corridor": ("Koridor ditutup: {what}", "Corridors closed: {what}"),
    "close_node": ("Tempat ditutup: {what}", "Places closed: {what}"),
    "route_capacity": ("Kapasitas rute {what} x {factor}", "Route capacity of {what} x {factor}"),
    "node_capacity": ("Kapasitas {what} x {factor}", "Capacity of {what} x {factor}"),
    "supply_shock": ("Pasokan {what} x {factor}", "Supply of {what} x {factor}"),
    "demand_surge": ("Permintaan {what} x {factor}", "Demand of {what} x {factor}"),
    "flood": ("Banjir: {what}", "Flood: {what}"),
    "flood_areas": ("{n} wilayah tergenang", "{n} flooded areas"),
    "no_disruption": ("Tanpa gangguan (kondisi normal).", "No disruption (baseline)."),
}


def words(key: str, lang: str) -> str:
    """The text of ``key`` in ``lang``.

    Parameters
    ----------
    key : str
        A key of :data:`TEXT`.
    lang : str
        ``id``; anything else is English.

    Returns
    -------
    str
    """
    pair = TEXT[key]
    return pair[0] if lang == "id" else pair[1]


def day_span(d: dict, horizon_days: int, start_date: str | None, lang: str) -> str:
    """'Rab, 1 Jan 2020 s.d. Kam, 2 Jan 2020', 'hari 1 s.d. hari 2' or 'for the whole scenario'.
    A flood without days of its own spans the days of its areas.

    Parameters
    ----------
    d : dict
        The disruption; days 1-based.
    horizon_days : int
        The scenario's horizon; an ``end_day`` beyond it is cut.
    start_date : str or None
        The ISO date of day 1 (dates shown when known).
    lang : str
        ``id`` or ``en``.

    Returns
    -------
    str
    """
    props = [f.get("properties") or {} for f in d.get("features", []) or [] if isinstance(f, dict)]
    if "start_day" not in d and props and all("start_day" in p and "end_day" in p for p in props):
        d = {"start_day": min(p["start_day"] for p in props), "end_day": max(p["end_day"] for p in props)}
    if "start_day" not in d and "end_day" not in d:
        return words("whole_horizon", lang)
    start, end = d.get("start_day", 1), min(d.get("end_day", horizon_days), horizon_days)
    first = fmt.day_label(start, start_date, lang)
    return (
        first
        if start == end
        else words("days_span", lang).format(start=first, end=fmt.day_label(end, start_date, lang))
    )


def _targets(d: dict, names: dict[str, str]) -> str:
    picked = [names.get(v, v) for v in target_values(d)]
    return ", ".join(picked[:8]) + (f" (+{len(picked) - 8})" if len(picked) > 8 else "")


def describe(d: dict, names: dict[str, str], horizon_days: int, start_date: str | None, lang: str) -> str:
    """One disruption in a sentence: what, where, when.

    Parameters
    ----------
    d : dict
        The disruption.
    names : dict of str to str
        Node names by node id.
    horizon_days : int
        The scenario's horizon; an ``end_day`` beyond it is cut.
    start_date : str or None
        The ISO date of day 1 (dates shown when known).
    lang : str
        ``id`` or ``en``.

    Returns
    -------
    str
    """
    kind = d.get("type", "")
    what = _targets(d, names)
    if kind == "flood":
        n = len(d.get("features", []) or [])
        areas = words("flood_areas", lang).format(n=n) if n else str(d.get("geojson", ""))
        what = ", ".join(x for x in (areas, what) if x)
    factor = fmt.number(d.get("factor", 0), lang, 2)
    text = words(kind, lang).format(what=what, factor=factor) if kind in TEXT else kind
    return f"{text}; {day_span(d, horizon_days, start_date, lang)}."
