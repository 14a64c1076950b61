"""Every text the app shows, in Bahasa Indonesia and English; the sidebar switches between them.

Commodity and place names are data and stay as the data gives them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

TEXT: dict[str, dict[str, str]] = {
    # pages
    "home_title": {"id": "foodchain — rantai pasok pangan Jakarta", "en": "foodchain — Jakarta's food supply chain"},
    "nav_upload": {"id": "Unggah data", "en": "Upload data"},
    "nav_network": {"id": "Jaringan", "en": "Network"},
    "nav_scenarios": {"id": "Skenario", "en": "Scenarios"},
    "nav_shortfalls": {"id": "Kekurangan pangan", "en": "Shortfalls"},
    "nav_compare": {"id": "Bandingkan", "en": "Compare"},
    "about_upload": {
        "id": "pengelola pasar mengunggah data pasokan, stok dan permintaan; setiap versi disimpan.",
        "en": "market managers upload supply, stock and demand data; every version is kept.",
    },
    "about_network": {
        "id": "peta sumber, pusat distribusi, pasar dan rute, dengan pemeriksaan jaringan.",
        "en": "map of sources, hubs, markets and routes, with network checks.",
    },
    "about_scenarios": {
        "id": "analis menyusun skenario gangguan (banjir, penutupan, gagal panen) dan menjalankannya.",
        "en": "analysts build disruption scenarios (floods, closures, harvest failure) and run them.",
    },
    "about_shortfalls": {
        "id": "peta siapa kekurangan apa, berapa banyak, berapa lama; unduh laporan.",
        "en": "map of who is short of what, by how much, for how long; download a report.",
    },
    "about_compare": {
        "id": "baseline dan hingga tiga skenario berdampingan; rute dan hub yang paling berharga.",
        "en": "baseline and up to three scenarios side by side; the routes and hubs worth most.",
    },
    "pages_title": {"id": "Halaman", "en": "Pages"},
    "home_intro": {
        "id": "Model jaringan pasokan pangan Jakarta: **sumber** → **pusat distribusi** → **pasar**. "
        "Ia menjawab: *bila banjir menutup rute ini selama beberapa hari, siapa kekurangan pangan apa, "
        "berapa banyak, dan apa yang paling membantu?*",
        "en": "A network model of Jakarta's food supply: **sources** → **hubs** → **markets**. It answers: "
        "*when a flood closes these routes for these days, who goes short of which food, by how "
        "much, and what would help most?*",
    },
    # frame
    "active_version": {
        "id": "Data aktif: versi {id} · {who} · {when}",
        "en": "Active data: version {id} · {who} · {when}",
    },
    "version_line": {
        "id": "Versi data aktif **{id}**, diunggah oleh **{who}** pada {when}. {note}",
        "en": "Active dataset version **{id}**, uploaded by **{who}** on {when}. {note}",
    },
    "no_dataset": {
        "id": "Belum ada data. Unggah dataset di halaman Unggah data.",
        "en": "No dataset yet. Upload one on the Upload data page.",
    },
    "store_error": {"id": "Penyimpanan data tidak dapat dibaca", "en": "The data store cannot be read"},
    "foresight": {
        "id": "Catatan: model mengetahui seluruh skenario sejak awal (pandangan sempurna), jadi hasilnya "
        "adalah respons terbaik yang mungkin.",
        "en": "Note: the model knows the whole scenario in advance (perfect foresight), so results are "
        "the best possible response.",
    },
    # home
    "demand_t_day": {"id": "Permintaan (t/hari)", "en": "Demand (t/day)"},
    "delivered_t_day": {"id": "Terkirim (t/hari)", "en": "Delivered (t/day)"},
    "shortfall_t_day": {"id": "Kekurangan (t/hari)", "en": "Shortfall (t/day)"},
    "nodes_routes": {"id": "Simpul / rute", "en": "Places / routes"},
    "network_map": {"id": "Peta jaringan", "en": "Network map"},
    "legend_kinds": {
        "id": "Hijau: sumber · oranye: pusat distribusi (hub) · biru: pasar.",
        "en": "Green: sources · orange: hubs · blue: markets.",
    },
    "legend_width": {"id": "Lebar garis: kapasitas rute.", "en": "Line width: route capacity."},
    "baseline_by_commodity": {"id": "Kondisi normal per komoditas (1 hari)", "en": "Baseline by commodity (1 day)"},
    "stock_cover": {"id": "Cakupan stok hub (kota)", "en": "Hub stock cover (city)"},
    "hub_cover": {"id": "Cakupan stok per hub", "en": "Stock cover per hub"},
    "cover_note": {
        "id": "Hari cakupan = stok di hub / permintaan harian kota, atau / kiriman harian hub itu "
        "(kosong: hub tidak mengirim komoditas itu).",
        "en": "Days of cover = stock at hubs / the city's daily demand, or / what that hub sends a day "
        "(blank: the hub sends none of it).",
    },
    # upload
    "your_name": {"id": "Nama Anda", "en": "Your name"},
    "note": {"id": "Catatan", "en": "Note"},
    "tab_upload": {"id": "Unggah", "en": "Upload"},
    "tab_edit": {"id": "Ubah baris", "en": "Edit rows"},
    "tab_templates": {"id": "Templat", "en": "Templates"},
    "tab_history": {"id": "Riwayat versi", "en": "Version history"},
    "upload_help": {
        "id": "Satu tabel (mis. routes.csv, atau .xlsx satu sheet) menggantikan tabel itu; ZIP/XLSX "
        "berisi semua tabel menggantikan seluruh dataset. Batas {mb} MB.",
        "en": "One table (e.g. routes.csv, or a one-sheet .xlsx) replaces that table; a ZIP/XLSX of "
        "all tables replaces the whole dataset. Limit {mb} MB.",
    },
    "upload_file": {"id": "Berkas CSV, XLSX atau ZIP", "en": "CSV, XLSX or ZIP file"},
    "problems_found": {
        "id": "Ada masalah pada data: perbaiki lalu unggah lagi.",
        "en": "The data has problems: fix them and upload again.",
    },
    "warnings_found": {
        "id": "Peringatan (data tetap dapat disimpan):",
        "en": "Warnings (the data can still be saved):",
    },
    "nothing_saved": {
        "id": "Tidak ada yang disimpan; data aktif tidak berubah.",
        "en": "Nothing was saved; the active data is unchanged.",
    },
    "no_changes": {"id": "Tidak ada perubahan dibanding versi aktif.", "en": "No changes from the active version."},
    "valid_upload": {
        "id": "Data valid. Tabel yang diganti: {tables}. Perubahan:",
        "en": "The data is valid. Tables replaced: {tables}. Changes:",
    },
    "save_version": {"id": "Simpan sebagai versi baru", "en": "Save as a new version"},
    "saved_version": {"id": "Disimpan sebagai versi {id}.", "en": "Saved as version {id}."},
    "table": {"id": "Tabel", "en": "Table"},
    "check_edits": {"id": "Periksa perubahan", "en": "Check my edits"},
    "download_table": {"id": "Unduh {table}.csv (data saat ini)", "en": "Download {table}.csv (current data)"},
    "download_xlsx": {"id": "Unduh seluruh dataset (XLSX)", "en": "Download the whole dataset (XLSX)"},
    "download_zip": {"id": "Unduh seluruh dataset (ZIP of CSV)", "en": "Download the whole dataset (ZIP of CSVs)"},
    "version_to_activate": {"id": "Versi", "en": "Version"},
    "make_active": {"id": "Jadikan versi aktif", "en": "Make this version active"},
    # network
    "commodities": {"id": "Komoditas", "en": "Commodities"},
    "commodity_filter_help": {
        "id": "Tampilkan tempat yang memasok, menyimpan atau membutuhkan komoditas ini.",
        "en": "Show places that supply, stock or need these commodities.",
    },
    "regions": {"id": "Wilayah", "en": "Regions"},
    "unreached_markets": {"id": "Pasar yang tidak terjangkau rute", "en": "Markets no route reaches"},
    "unsupplied_hubs": {"id": "Hub tanpa pasokan", "en": "Hubs with no supply"},
    "all_reached": {
        "id": "Semua pasar dan hub terjangkau dari pasokan.",
        "en": "Every market and hub is reached from supply.",
    },
    "nodes": {"id": "Simpul", "en": "Places"},
    "routes": {"id": "Rute", "en": "Routes"},
    "supply": {"id": "Pasokan", "en": "Supply"},
    "demand": {"id": "Permintaan", "en": "Demand"},
    # scenarios
    "start_from": {"id": "Mulai dari skenario tersimpan", "en": "Start from a saved scenario"},
    "scenario_file": {"id": "…atau muat berkas skenario (JSON/YAML)", "en": "…or load a scenario file (JSON/YAML)"},
    "scenario_invalid": {"id": "Skenario tidak valid:", "en": "The scenario is not valid:"},
    "scenario_name": {"id": "Nama skenario", "en": "Scenario name"},
    "unnamed": {"id": "Skenario tanpa nama", "en": "Unnamed scenario"},
    "days": {"id": "Jumlah hari", "en": "Days"},
    "n_days": {"id": "{n} hari", "en": "{n} days"},
    "closures": {"id": "Penutupan rute, koridor dan hub", "en": "Close routes, corridors and hubs"},
    "close_routes": {"id": "Tutup rute", "en": "Close routes"},
    "close_corridors": {"id": "Tutup koridor", "en": "Close corridors"},
    "throttle_hubs": {"id": "Tutup atau batasi hub", "en": "Close or throttle hubs"},
    "hub_factor": {"id": "Kapasitas hub yang tersisa", "en": "Hub capacity left"},
    "hub_factor_help": {
        "id": "0 = tutup; nilai lain butuh throughput_t_per_day pada hub.",
        "en": "0 = closed; other values need the hub's throughput_t_per_day.",
    },
    "closure_days": {"id": "Hari penutupan", "en": "Days closed"},
    "shocks": {"id": "Gangguan pasokan dan lonjakan permintaan", "en": "Supply shocks and demand surges"},
    "shock_nodes": {"id": "Pasokan berkurang di", "en": "Supply falls at"},
    "all_if_empty": {"id": "Kosong = semua komoditas", "en": "Empty = all commodities"},
    "supply_factor": {"id": "Pasokan yang tersisa", "en": "Supply left"},
    "surge_regions": {"id": "Permintaan melonjak di wilayah", "en": "Demand surges in regions"},
    "demand_factor": {"id": "Pengali permintaan", "en": "Demand multiplier"},
    "shock_days": {"id": "Hari gangguan", "en": "Days of the shock"},
    "flood": {"id": "Banjir", "en": "Flood"},
    "flood_geojson": {"id": "Poligon banjir (GeoJSON)", "en": "Flood polygons (GeoJSON)"},
    "bad_geojson": {"id": "Berkas itu bukan GeoJSON.", "en": "That file is not GeoJSON."},
    "flooded_zones": {"id": "Zona yang tergenang", "en": "Flooded zones"},
    "flooded_zones_help": {
        "id": "Wilayah atau pasar; banjir menutup simpulnya dan rute yang berawal atau berakhir di sana.",
        "en": "Regions or markets; the flood closes their places and the routes that start or end there.",
    },
    "flood_overlay": {"id": "Rute dan simpul yang terkena banjir", "en": "Routes and places the flood touches"},
    "scenario_json": {"id": "Skenario sebagai JSON", "en": "Scenario as JSON"},
    "save_scenario": {"id": "Simpan skenario", "en": "Save scenario"},
    "scenario_saved": {"id": "Skenario '{name}' disimpan (versi {v}).", "en": "Scenario '{name}' saved (version {v})."},
    "run": {"id": "Jalankan", "en": "Run"},
    "solving": {"id": "Menghitung…", "en": "Solving…"},
    "see_map": {"id": "Lihat peta kekurangan", "en": "See the shortfall map"},
    # results
    "demand_t": {"id": "Permintaan (t)", "en": "Demand (t)"},
    "delivered_t": {"id": "Terkirim (t)", "en": "Delivered (t)"},
    "shortfall_t": {"id": "Kekurangan (t)", "en": "Shortfall (t)"},
    "stock_t": {"id": "Stok (t)", "en": "Stock (t)"},
    "run_to_show": {"id": "Hasil yang ditampilkan", "en": "Run to show"},
    "commodity": {"id": "Komoditas", "en": "Commodity"},
    "all": {"id": "Semua", "en": "All"},
    "day": {"id": "Hari", "en": "Day"},
    "all_days": {"id": "Semua hari", "en": "All days"},
    "worst_day": {"id": "Hari terburuk", "en": "Worst day"},
    "boundary_file": {"id": "Batas wilayah (GeoJSON, opsional)", "en": "Zone boundaries (GeoJSON, optional)"},
    "zones_short": {"id": "Zona kekurangan", "en": "Zones short"},
    "people_affected": {"id": "Penduduk terdampak", "en": "People affected"},
    "map_legend_share": {
        "id": "Warna: bagian permintaan yang tidak terpenuhi (putih 0% → merah 100%).",
        "en": "Colour: share of demand unmet (white 0% → red 100%).",
    },
    "by_zone": {"id": "Per zona", "en": "By zone"},
    "by_commodity": {"id": "Per komoditas", "en": "By commodity"},
    "by_day": {"id": "Per hari", "en": "By day"},
    "hub_stock": {"id": "Stok hub", "en": "Hub stock"},
    "hub": {"id": "Hub", "en": "Hub"},
    "download_report_xlsx": {"id": "Unduh laporan (Excel)", "en": "Download report (Excel)"},
    "download_report_zip": {"id": "Unduh laporan (ZIP CSV)", "en": "Download report (ZIP of CSVs)"},
    # compare
    "runs_to_compare": {"id": "Skenario yang dibandingkan (maks. 3)", "en": "Scenarios to compare (up to 3)"},
    "no_runs_yet": {
        "id": "Belum ada skenario yang dijalankan. Jalankan satu di halaman Skenario.",
        "en": "No scenario has been run yet. Run one on the Scenarios page.",
    },
    "difference_for": {"id": "Peta selisih untuk", "en": "Difference map for"},
    "diff_legend": {
        "id": "Merah: lebih banyak permintaan tak terpenuhi daripada baseline; biru: lebih sedikit.",
        "en": "Red: more demand unmet than the baseline; blue: less.",
    },
    "routes_dual_rise": {"id": "Rute yang nilainya paling naik", "en": "Routes whose value rises most"},
    "hubs_dual_rise": {"id": "Hub yang nilainya paling naik", "en": "Hubs whose value rises most"},
    "dual_note": {
        "id": "Nilai = harga bayangan: penurunan biaya total bila kapasitas bertambah 1 t/hari (Rp).",
        "en": "Value = shadow price: how much one more t/day of capacity would lower the total cost (Rp).",
    },
}

COLUMNS: dict[str, dict[str, str]] = {
    "name": {"id": "nama", "en": "name"},
    "region": {"id": "wilayah", "en": "region"},
    "commodity": {"id": "komoditas", "en": "commodity"},
    "day": {"id": "hari", "en": "day"},
    "demand_t": {"id": "permintaan_t", "en": "demand_t"},
    "delivered_t": {"id": "terkirim_t", "en": "delivered_t"},
    "shortfall_t": {"id": "kekurangan_t", "en": "shortfall_t"},
    "share_unmet": {"id": "bagian_tak_terpenuhi", "en": "share_unmet"},
    "population": {"id": "penduduk", "en": "population"},
    "people_affected": {"id": "penduduk_terdampak", "en": "people_affected"},
    "run": {"id": "skenario", "en": "run"},
    "days": {"id": "hari", "en": "days"},
    "transport_cost": {"id": "biaya_angkut", "en": "transport_cost"},
    "supply_cost": {"id": "biaya_pasokan", "en": "supply_cost"},
    "base_price": {"id": "nilai_baseline", "en": "base_price"},
    "scenario_price": {"id": "nilai_skenario", "en": "scenario_price"},
    "rise": {"id": "kenaikan", "en": "rise"},
    "hub_stock_t": {"id": "stok_hub_t", "en": "hub_stock_t"},
    "demand_t_per_day": {"id": "permintaan_t_per_hari", "en": "demand_t_per_day"},
    "cover_days": {"id": "hari_cakupan", "en": "cover_days"},
    "stock_t": {"id": "stok_t", "en": "stock_t"},
    "sent_t_per_day": {"id": "kiriman_t_per_hari", "en": "sent_t_per_day"},
    "difference": {"id": "selisih", "en": "difference"},
    "base_share": {"id": "bagian_baseline", "en": "base_share"},
    "scenario_share": {"id": "bagian_skenario", "en": "scenario_share"},
}


def lang() -> str:
    return st.session_state.get("lang", "id")


def t(key: str) -> str:
    """The text for ``key`` in the chosen language (the key itself if it has no entry)."""
    entry = TEXT.get(key)
    return entry.get(lang(), entry["en"]) if entry else key


def t_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A table with its column headers in the chosen language (ids and values unchanged)."""
    return frame.rename(columns={c: v[lang()] for c, v in COLUMNS.items()})
