"""Every text the app shows, in Bahasa Indonesia and English; the sidebar switches between them.

Commodity and place names are data and stay as the data gives them.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from foodchain.messages import set_language
from foodchain.model import columns

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

TEXT: dict[str, dict[str, str]] = {
    # pages
    "home_title": {"id": "foodchain — rantai pasok pangan Jakarta", "en": "foodchain — Jakarta's food supply chain"},
    "nav_home": {"id": "Beranda", "en": "Home"},
    "choose": {"id": "Pilih…", "en": "Choose…"},
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
    "nav_criticality": {"id": "Titik kritis", "en": "Criticality"},
    "about_criticality": {
        "id": "rute, koridor dan hub mana yang paling penting, langkah apa yang paling membantu, risiko banjir per zona.",
        "en": "which routes, corridors and hubs matter most, which levers help most, flood risk by zone.",
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
    "nodes_routes": {"id": "Tempat / rute", "en": "Places / routes"},
    "network_map": {"id": "Peta jaringan", "en": "Network map"},
    "kind_source": {"id": "sumber", "en": "source"},
    "kind_hub": {"id": "pusat distribusi (hub)", "en": "hub"},
    "kind_market": {"id": "pasar / zona permintaan", "en": "market / demand zone"},
    "kind_sources": {
        "id": "sumber (daerah produsen, pelabuhan, Bulog)",
        "en": "sources (producing regions, ports, Bulog)",
    },
    "kind_hubs": {"id": "pusat distribusi (pasar induk, gudang)", "en": "hubs (wholesale markets, warehouses)"},
    "kind_markets": {"id": "pasar / zona permintaan", "en": "markets / demand zones"},
    "share_all_met": {"id": "semua terpenuhi", "en": "all met"},
    "share_none_met": {"id": "100% tak terpenuhi", "en": "100% unmet"},
    "diff_better": {"id": "lebih baik dari baseline", "en": "better than baseline"},
    "diff_worse": {"id": "lebih buruk", "en": "worse"},
    "legend_width": {"id": "rute (lebar garis = kapasitas)", "en": "routes (line width = capacity)"},
    "baseline_by_commodity": {"id": "Kondisi normal per komoditas (1 hari)", "en": "Baseline by commodity (1 day)"},
    "stock_cover": {"id": "Cakupan stok hub (kota)", "en": "Hub stock cover (city)"},
    "hub_cover": {"id": "Cakupan stok per hub", "en": "Stock cover per hub"},
    "cover_note": {
        "id": "Hari cakupan = stok di hub / permintaan harian kota, atau / kiriman harian hub itu "
        "(–: hub tidak mengirim komoditas itu pada hari 1).",
        "en": "Days of cover = stock at hubs / the city's daily demand, or / what that hub sends a day "
        "(–: the hub sends none of it on day 1).",
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
    "network_checks": {"id": "Pemeriksaan jaringan", "en": "Network checks"},
    "shown_counts": {
        "id": "Ditampilkan: {nodes} tempat, {routes} rute.",
        "en": "Shown: {nodes} places, {routes} routes.",
    },
    "unreached_markets": {"id": "Pasar yang tidak terjangkau rute", "en": "Markets no route reaches"},
    "unsupplied_hubs": {"id": "Hub tanpa pasokan", "en": "Hubs with no supply"},
    "all_reached": {
        "id": "Semua pasar dan hub terjangkau dari pasokan.",
        "en": "Every market and hub is reached from supply.",
    },
    "nodes": {"id": "Tempat", "en": "Places"},
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
    "flood_overlay_help": {
        "id": "Sebelum menghitung: rute dan tempat yang disentuh banjir, dan kapasitas yang tersisa (0% = tertutup).",
        "en": "Before solving: the routes and places the flood touches, and the capacity each keeps (0% = closed).",
    },
    "base_disruptions": {
        "id": "Gangguan dari skenario yang dimuat ({n}); pilihan di atas ditambahkan padanya:",
        "en": "Disruptions of the loaded scenario ({n}); the choices above are added to them:",
    },
    "flood_features": {"id": "{n} poligon banjir", "en": "{n} flood polygons"},
    "new_scenario": {"id": "— skenario baru —", "en": "— new scenario —"},
    "who_is_short": {"id": "Siapa kekurangan apa, per hari", "en": "Who is short of what, by day"},
    "nobody_short": {"id": "Tidak ada yang kekurangan", "en": "Nobody goes short"},
    "scenario_json": {"id": "Skenario sebagai JSON", "en": "Scenario as JSON"},
    "save_scenario": {"id": "Simpan skenario", "en": "Save scenario"},
    "scenario_saved": {"id": "Skenario '{name}' disimpan (versi {v}).", "en": "Scenario '{name}' saved (version {v})."},
    "run": {"id": "Jalankan", "en": "Run"},
    "solving": {"id": "Menghitung…", "en": "Solving…"},
    # issue 17: solve progress
    "solve_progress": {
        "id": "{seconds:.0f} detik berjalan · {iterations} iterasi simpleks",
        "en": "{seconds:.0f} s elapsed · {iterations} simplex iterations",
    },
    "solve_elapsed": {"id": "{seconds:.0f} detik berjalan", "en": "{seconds:.0f} s elapsed"},
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
        "id": "Warna: bagian permintaan zona yang tidak terpenuhi. Bentuk zona: wilayah layanan tiap pasar "
        "(sel Voronoi), kecuali batas wilayah diunggah di bilah samping.",
        "en": "Colour: share of each zone's demand that is not met. Zone shapes: the area each market serves "
        "(Voronoi cells), unless boundaries are uploaded in the sidebar.",
    },
    "share_unmet_total": {"id": "Tak terpenuhi", "en": "Unmet"},
    # issue 15: maps, dates, brief, GeoJSON, Compare per day
    "map_area": {"id": "Wilayah peta", "en": "Map area"},
    "start_date": {"id": "Tanggal hari 1 (opsional)", "en": "Date of day 1 (optional)"},
    "start_date_help": {
        "id": "Bila diisi, hari ditampilkan sebagai tanggal di semua halaman, tabel dan ringkasan.",
        "en": "When set, days are shown as dates on every page, table and brief.",
    },
    "map_area_city": {"id": "Kota (daratan)", "en": "City (mainland)"},
    "map_area_all": {"id": "Semua zona", "en": "All zones"},
    "share_unmet_legend": {"id": "Permintaan tak terpenuhi:", "en": "Demand unmet:"},
    "map_legend_zones": {
        "id": "Zona: batas kecamatan. Garis gelap: batas kota; garis abu-abu: koridor utama; biru: laut. "
        "Arahkan kursor ke zona untuk angkanya.",
        "en": "Zones: kecamatan boundaries. Dark lines: kota borders; grey lines: main corridors; blue: sea. "
        "Hover over a zone for its figures.",
    },
    "tip_demand": {"id": "Permintaan", "en": "Demand"},
    "tip_delivered": {"id": "Terkirim", "en": "Delivered"},
    "tip_shortfall": {"id": "Kekurangan", "en": "Shortfall"},
    "tip_day": {"id": "Hari terburuk", "en": "Worst day"},
    "download_zone_geojson": {"id": "GeoJSON per zona (QGIS)", "en": "GeoJSON by zone (QGIS)"},
    "download_flood_geojson": {"id": "GeoJSON banjir (QGIS)", "en": "Flood GeoJSON (QGIS)"},
    "download_brief": {"id": "Ringkasan kebijakan (PDF)", "en": "Policy brief (PDF)"},
    "brief_not_stored": {
        "id": "Ringkasan PDF memerlukan skenario yang tersimpan; jalankan skenario ini lagi di halaman Skenario.",
        "en": "The PDF brief needs the stored scenario; run this scenario again on the Scenarios page.",
    },
    "per_day_note": {
        "id": "Jangka waktu berbeda: angka dalam t/hari (jumlah dibagi jumlah hari).",
        "en": "Horizons differ: figures are in t/day (totals divided by the days solved).",
    },
    "same_scale_maps": {"id": "Peta berdampingan (skala warna sama)", "en": "Maps side by side (same colour scale)"},
    "net_layers": {"id": "Lapisan", "en": "Layers"},
    "per_day_unit": {"id": "hari", "en": "day"},
    "layer_sources": {"id": "Sumber", "en": "Sources"},
    "layer_hubs": {"id": "Pusat distribusi", "en": "Hubs"},
    "layer_corridors": {"id": "Koridor", "en": "Corridors"},
    "layer_last_mile": {"id": "Distribusi akhir", "en": "Last mile"},
    "layer_markets": {"id": "Pasar", "en": "Markets"},
    "legend_corridor_width": {"id": "lebar = ton yang diangkut", "en": "width = tonnes moved"},
    "top_ten_note": {
        "id": "Sepuluh yang paling kritis ditandai dengan nomor peringkatnya.",
        "en": "The ten most critical are marked with their rank.",
    },
    "bad_boundary": {"id": "Batas wilayah tidak dapat dipakai:", "en": "The boundary file cannot be used:"},
    "day_end": {"id": "Akhir hari (0 = stok awal)", "en": "End of day (0 = initial stock)"},
    "baseline": {"id": "Kondisi normal (baseline)", "en": "Baseline"},
    "by_zone": {"id": "Per zona", "en": "By zone"},
    "by_commodity": {"id": "Per komoditas", "en": "By commodity"},
    "by_day": {"id": "Per hari", "en": "By day"},
    "hub_stock": {"id": "Stok hub", "en": "Hub stock"},
    "hub": {"id": "Hub", "en": "Hub"},
    "download_report_xlsx": {"id": "Unduh laporan (Excel)", "en": "Download report (Excel)"},
    "download_report_zip": {"id": "Unduh laporan (ZIP CSV)", "en": "Download report (ZIP of CSVs)"},
    # compare
    # criticality
    "on_top_of": {"id": "Di atas skenario", "en": "On top of the scenario"},
    "no_scenario": {"id": "— tanpa skenario (kondisi normal) —", "en": "— none (baseline) —"},
    "close_each": {"id": "Tutup satu per satu", "en": "Close one at a time"},
    "kind_corridor": {"id": "koridor", "en": "corridor"},
    "kind_route": {"id": "rute", "en": "route"},
    "kind_node": {"id": "tempat", "en": "place"},
    "targets_corridors": {"id": "koridor", "en": "corridors"},
    "targets_routes": {"id": "rute", "en": "routes"},
    "targets_nodes": {"id": "tempat (hub, pasar)", "en": "places (hubs, markets)"},
    "tab_ranking": {"id": "Peringkat titik kritis", "en": "Criticality ranking"},
    "tab_levers": {"id": "Langkah mitigasi", "en": "Mitigation levers"},
    "tab_risk": {"id": "Risiko banjir (ensembel)", "en": "Flood risk (ensemble)"},
    "crit_map_legend": {
        "id": "Warna dan lebar rute: tambahan kekurangan bila rute (atau koridornya) ditutup; abu-abu: tidak menambah.",
        "en": "Route colour and width: the shortfall added when the route (or its corridor) closes; grey: none.",
    },
    "rank_now": {"id": "Hitung peringkat", "en": "Rank them"},
    "closing_each": {"id": "Menutup satu per satu…", "en": "Closing one at a time…"},
    "levers_help": {
        "id": "Langkah yang diusulkan (buka kembali koridor, tambah kapasitas, lepas stok) diuji di atas skenario "
        "dan diurutkan menurut kekurangan yang dihapus dan ton per juta rupiah.",
        "en": "Proposed levers (reopen corridors, add capacity, release stock) are solved on top of the scenario "
        "and ranked by shortfall removed and by tonnes per million rupiah.",
    },
    "levers_need_scenario": {"id": "Pilih skenario dulu.", "en": "Choose a scenario first."},
    "try_levers": {"id": "Uji langkah", "en": "Try the levers"},
    "trying_levers": {"id": "Menguji langkah…", "en": "Trying levers…"},
    "flood_spec": {"id": "Spesifikasi banjir", "en": "Flood specification"},
    "runs": {"id": "Jumlah banjir acak", "en": "Random floods"},
    "seed": {"id": "Benih acak", "en": "Seed"},
    "run_ensemble": {"id": "Jalankan ensembel", "en": "Run the ensemble"},
    "running_floods": {"id": "Menghitung banjir acak…", "en": "Solving random floods…"},
    "expected_shortfall": {"id": "Kekurangan rata-rata (t)", "en": "Expected shortfall (t)"},
    "p_any_shortfall": {"id": "Peluang ada kekurangan", "en": "Chance of any shortfall"},
    "shortfall_p90": {"id": "Kekurangan persentil 90 (t)", "en": "90th percentile shortfall (t)"},
    "risk_legend": {
        "id": "Warna: peluang zona kekurangan lebih dari 5% permintaannya dalam sebuah banjir.",
        "en": "Colour: chance that a zone goes short of more than 5% of its demand in a flood.",
    },
    "runs_to_compare": {"id": "Skenario yang dibandingkan (maks. 3)", "en": "Scenarios to compare (up to 3)"},
    "no_runs_yet": {
        "id": "Belum ada skenario yang dijalankan. Jalankan satu di halaman Skenario.",
        "en": "No scenario has been run yet. Run one on the Scenarios page.",
    },
    "totals": {"id": "Total", "en": "Totals"},
    "shortfall_by_commodity": {"id": "Kekurangan per komoditas", "en": "Shortfall by commodity"},
    "difference_map": {"id": "Peta selisih", "en": "Difference map"},
    "no_dual_rise": {
        "id": "Tidak ada yang nilainya naik: kapasitas tambahan di sini tidak mengurangi biaya.",
        "en": "None rises: extra capacity here would not lower the cost.",
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
    # hostile input (issue 13): flood files a scenario may name in the app
    "scenario_flood_files": {
        "id": "Berkas banjir (GeoJSON) yang disebut skenario",
        "en": "Flood files (GeoJSON) the scenario names",
    },
    "scenario_flood_files_help": {
        "id": "Skenario hanya boleh menyebut berkas yang diunggah bersamanya atau berkas contoh bawaan, menurut nama.",
        "en": "A scenario may name only files uploaded with it or the bundled sample files, by name.",
    },
    # issue 12: trusted uploads (number conventions, drafts, activation, value-level history, runs of earlier versions)
    "numbers_choice": {"id": "Cara menulis angka di berkas ini", "en": "How numbers are written in this file"},
    "numbers_auto": {"id": "otomatis (tanya jika ragu)", "en": "automatic (ask when unsure)"},
    "numbers_en": {"id": "1,234.5 (titik = desimal)", "en": "1,234.5 (point = decimal)"},
    "numbers_id": {"id": "1.234,5 (koma = desimal)", "en": "1.234,5 (comma = decimal)"},
    "numbers_ambiguous": {
        "id": "{n} angka dapat dibaca dua cara (mis. 30.000 = 30 atau 30000). Pilih cara menulis angka "
        "di atas; tombol simpan aktif setelah dipilih.",
        "en": "{n} number(s) read two ways (e.g. 30.000 = 30 or 30,000). Choose how the numbers are "
        "written above; the save button works once you have chosen.",
    },
    "plausibility_title": {"id": "Periksa perubahan besar ini:", "en": "Check these large changes:"},
    "changed_cells": {"id": "Sel yang berubah", "en": "Changed cells"},
    "added_removed_rows": {"id": "Baris ditambah atau dihapus", "en": "Rows added or removed"},
    "name_required": {
        "id": "Isi nama Anda di atas: nama dicatat pada setiap versi dan aktivasi.",
        "en": "Enter your name above: it is recorded with every version and activation.",
    },
    "save_draft": {"id": "Simpan sebagai draf (versi baru)", "en": "Save as a draft (new version)"},
    "saved_draft": {
        "id": "Disimpan sebagai versi {id} (draf). Aktifkan di tab Riwayat versi agar dipakai semua orang.",
        "en": "Saved as version {id} (draft). Activate it on the Version history tab to make it the data everyone uses.",
    },
    "activated": {"id": "Versi {id} sekarang aktif.", "en": "Version {id} is now active."},
    "version_failed": {
        "id": "Versi data {id} tidak dapat dibuka: {why}. Buka Unggah data → Riwayat versi untuk mengaktifkan versi lain.",
        "en": "Dataset version {id} cannot be loaded: {why}. Go to Upload data → Version history to activate another version.",
    },
    "version_state": {"id": "Status", "en": "State"},
    "activation_events": {"id": "Aktivasi (siapa, kapan, dari → ke)", "en": "Activations (who, when, from → to)"},
    "compare_versions": {"id": "Bandingkan dua versi", "en": "Compare two versions"},
    "version_a": {"id": "Dari versi", "en": "From version"},
    "version_b": {"id": "Ke versi", "en": "To version"},
    "no_differences": {"id": "Kedua versi sama.", "en": "The two versions are the same."},
    "earlier_version_runs": {"id": "Hasil pada versi data sebelumnya", "en": "Runs on earlier data versions"},
    "computed_on": {"id": "dihitung pada versi {v}", "en": "computed on version {v}"},
    "computed_on_badge": {
        "id": "Hasil ini dihitung pada versi data {v}; versi aktif sekarang {active}.",
        "en": "This run was computed on data version {v}; the active version is now {active}.",
    },
    "rerun_active": {"id": "Jalankan ulang pada versi aktif ({v})", "en": "Re-run on the active version ({v})"},
    "state_draft": {"id": "draf", "en": "draft"},
    "state_active": {"id": "aktif", "en": "active"},
    "state_retired": {"id": "pensiun", "en": "retired"},
    # accounts and sign-in in shared mode (foodchain_app/auth.py)
    "auth_intro": {
        "id": "Aplikasi ini dipakai bersama. Masuk dengan akun Anda untuk melihat data.",
        "en": "This app is shared. Sign in with your account to see the data.",
    },
    "auth_name": {"id": "Nama akun", "en": "Account name"},
    "auth_password": {"id": "Kata sandi", "en": "Password"},
    "auth_sign_in": {"id": "Masuk", "en": "Sign in"},
    "auth_sign_out": {"id": "Keluar", "en": "Sign out"},
    "auth_signed_in": {"id": "Masuk sebagai **{name}** · {role}", "en": "Signed in as **{name}** · {role}"},
    "auth_bad": {
        "id": "Nama akun atau kata sandi salah, atau akun dinonaktifkan.",
        "en": "Wrong account name or password, or the account is disabled.",
    },
    "auth_locked": {
        "id": "Terlalu banyak percobaan gagal untuk akun ini. Coba lagi dalam {minutes} menit.",
        "en": "Too many failed attempts for this account. Try again in {minutes} minutes.",
    },
    "auth_busy": {
        "id": "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {seconds} detik.",
        "en": "Too many failed sign-ins. Try again in {seconds} seconds.",
    },
    "auth_expired": {
        "id": "Sesi Anda telah berakhir. Silakan masuk lagi.",
        "en": "Your session has ended. Please sign in again.",
    },
    "auth_no_accounts": {
        "id": "Belum ada akun. Administrator membuat akun pertama di server: `foodchain users add NAMA --role admin`.",
        "en": "There are no accounts yet. An administrator makes the first one on the server:"
        " `foodchain users add NAME --role admin`.",
    },
    "auth_role_needed": {
        "id": "Halaman ini memerlukan peran {role} atau yang lebih tinggi. Mintalah kepada administrator bila perlu.",
        "en": "This page needs the {role} role or a higher one. Ask an administrator if you need it.",
    },
    "role_viewer": {"id": "peninjau (viewer)", "en": "viewer"},
    "role_manager": {"id": "pengelola (manager)", "en": "manager"},
    "role_analyst": {"id": "analis (analyst)", "en": "analyst"},
    "role_admin": {"id": "administrator (admin)", "en": "admin"},
    "auth_can_viewer": {
        "id": "Anda dapat melihat hasil dan mengunduh laporan.",
        "en": "You can see results and download reports.",
    },
    "auth_can_manager": {
        "id": "Anda dapat mengunggah data; versi yang Anda simpan menjadi draf sampai analis mengaktifkannya.",
        "en": "You can upload data; versions you save stay drafts until an analyst makes them active.",
    },
    "auth_can_analyst": {
        "id": "Anda dapat mengunggah data, mengaktifkan versi, menyusun skenario dan menjalankan analisis.",
        "en": "You can upload data, make versions active, build scenarios and run analyses.",
    },
    "auth_can_admin": {
        "id": "Anda dapat melakukan semuanya, termasuk mengelola akun.",
        "en": "You can do everything, accounts included.",
    },
    "auth_open_to_network": {
        "id": "Aplikasi ini dapat dibuka dari komputer lain tanpa login. Untuk dipakai bersama,"
        " jalankan dengan FOODCHAIN_AUTH=on (lihat README).",
        "en": "Other computers can open this app without a login. To share it, run it with"
        " FOODCHAIN_AUTH=on (see the README).",
    },
    "nav_accounts": {"id": "Akun", "en": "Accounts"},
    "about_accounts": {
        "id": "administrator menambah dan menonaktifkan akun serta melihat catatan masuk dan perubahan.",
        "en": "administrators add and disable accounts and see the log of sign-ins and changes.",
    },
    "acc_help": {
        "id": "Akun dipakai bila aplikasi berjalan bersama (FOODCHAIN_AUTH=on). Di server juga:"
        " `foodchain users add | list | disable`.",
        "en": "Accounts are used when the app runs shared (FOODCHAIN_AUTH=on). On the server also:"
        " `foodchain users add | list | disable`.",
    },
    "acc_add": {"id": "Tambah akun", "en": "Add an account"},
    "acc_role": {"id": "Peran", "en": "Role"},
    "acc_password_again": {"id": "Kata sandi sekali lagi", "en": "Password again"},
    "acc_add_button": {"id": "Tambah", "en": "Add"},
    "acc_passwords_differ": {"id": "Kedua kata sandi berbeda.", "en": "The two passwords differ."},
    "acc_invalid": {"id": "Akun tidak dibuat:", "en": "The account was not made:"},
    "acc_added": {"id": "Akun **{name}** ditambahkan.", "en": "Account **{name}** added."},
    "acc_disable": {"id": "Nonaktifkan akun", "en": "Disable an account"},
    "acc_account": {"id": "Akun", "en": "Account"},
    "acc_disable_button": {"id": "Nonaktifkan", "en": "Disable"},
    "acc_list": {"id": "Semua akun", "en": "Every account"},
    "acc_log": {"id": "Catatan masuk dan perubahan (terbaru dulu)", "en": "Sign-ins and changes (newest first)"},
}

COLUMNS: dict[str, tuple[str, str]] = {
    # column -> (Bahasa Indonesia, English): headers of the input and app tables; result columns
    # (shortfall_t, added_cost, ...) take theirs from foodchain.model.columns
    "label": ("Rute", "Route"),
    "lat": ("Lintang", "Latitude"),
    "lon": ("Bujur", "Longitude"),
    "vulnerability": ("Kerentanan", "Vulnerability"),
    "throughput_t_per_day": ("Kapasitas bongkar (t/hari)", "Throughput (t/day)"),
    "storage_t": ("Kapasitas gudang (t)", "Storage (t)"),
    "origin": ("Asal", "Origin"),
    "destination": ("Tujuan", "Destination"),
    "capacity_t_per_day": ("Kapasitas (t/hari)", "Capacity (t/day)"),
    "cost_per_t": ("Biaya (Rp/t)", "Cost (Rp/t)"),
    "lead_time_days": ("Waktu tempuh (hari)", "Lead time (days)"),
    "distance_km": ("Jarak (km)", "Distance (km)"),
    "mode": ("Moda", "Mode"),
    "corridor": ("Koridor", "Corridor"),
    "geometry": ("Geometri", "Geometry"),
    "supply_t_per_day": ("Pasokan (t/hari)", "Supply (t/day)"),
    "initial_t": ("Stok awal (t)", "Initial stock (t)"),
    "severity": ("Tingkat", "Severity"),
    "table": ("Tabel", "Table"),
    "row": ("Baris", "Row"),
    "column": ("Kolom", "Column"),
    "message": ("Pesan", "Message"),
    "uploader": ("Pengunggah", "Uploaded by"),
    "source": ("Asal data", "Source"),
    "created_at": ("Waktu", "When"),
    # accounts page (foodchain_app/auth.py)
    "role": ("Peran", "Role"),
    "disabled": ("Nonaktif", "Disabled"),
    "created_by": ("Dibuat oleh", "Made by"),
    "last_login": ("Terakhir masuk", "Last sign-in"),
    "event": ("Kejadian", "Event"),
    "detail": ("Rincian", "Detail"),
    "at": ("Waktu", "When"),
    "active": ("Aktif", "Active"),
    "rows": ("Baris", "Rows"),
    "changes": ("Perubahan dari versi induk", "Changes from the parent version"),
    "parent_id": ("Versi induk", "Made from version"),
    # issue 12: value-level history
    "state": ("Status", "State"),
    "key": ("Kunci (id)", "Key (id)"),
    "old": ("Lama", "Old"),
    "new": ("Baru", "New"),
    "change": ("Perubahan", "Change"),
    "version_id": ("Versi", "Version"),
    "from_version": ("Dari versi", "From version"),
    "by": ("Oleh", "By"),
    "added": ("Ditambah", "Added"),
    "removed": ("Dihapus", "Removed"),
    "changed": ("Diubah", "Changed"),
    "required": ("Wajib", "Required"),
    "unit": ("Satuan", "Unit"),
    "default": ("Bawaan", "Default"),
    "meaning": ("Arti", "Meaning"),
    "what": ("Yang terkena", "What it touches"),
    "date": ("Tanggal", "Date"),  # issue 15
}


# issue 14: measures in words (equity, study area, people affected, criticality and shadow prices)
TEXT.update(
    {
        "people_definition": {
            "id": "Penduduk terdampak: penduduk zona yang pada suatu hari kekurangan sedikitnya {threshold} "
            "permintaan satu komoditas (dihitung sekali per zona per hari).",
            "en": "People affected: people living in zones where at least {threshold} of the demand for one "
            "commodity goes unmet on a day (a zone counts once a day).",
        },
        "people_worst": {
            "id": "Hari terburuk: {worst_day_people} orang; {person_days} orang-hari selama horizon.",
            "en": "Worst day: {worst_day_people} people; {person_days} person-days over the horizon.",
        },
        "external_line": {
            "id": "Di luar wilayah kajian (tidak termasuk angka di atas): permintaan {demand}, kekurangan {short}.",
            "en": "Outside the study area (not in the figures above): demand {demand}, short {short}.",
        },
        "equity_note": {
            "id": "Kekurangan dibagi merata antar zona menurut permintaannya (kerentanan lebih tinggi didahulukan), "
            "tanpa menambah kekurangan berbobot.",
            "en": "What is short is shared evenly across zones relative to their demand (more vulnerable zones first), "
            "without adding to the weighted shortfall.",
        },
        "ranking_help": {
            "id": "Setiap target ditutup sepanjang horizon di atas skenario. Tambahan kekurangan = pangan yang tidak "
            "lagi sampai ke zona wilayah kajian; kebutuhan tempat yang ditutup sendiri tidak dihitung. Peringkat 1 "
            "menambah kekurangan paling banyak. Tambahan biaya (angkut dan pembelian) dibaca sesudahnya: biaya turun "
            "bila lebih sedikit pangan bisa diangkut.",
            "en": "Each target is closed for the whole horizon on top of the scenario. Added shortfall = food that no "
            "longer reaches the study area's zones; a closed place's own demand is not counted. Rank 1 adds the most "
            "shortfall. Added cost (transport and purchase) is read after it: it falls when less food can be moved.",
        },
        "dual_note": {
            "id": "Harga bayangan: satu ton per hari lagi lewat rute (atau hub) ini akan menghemat Rp sebesar nilai itu "
            "dari penalti kekurangan dan biaya angkut; nilai besar menandai titik sempit.",
            "en": "Shadow price: one more tonne a day through this route (or hub) would save that many rupiah of "
            "shortfall penalty and transport cost; large values mark bottlenecks.",
        },
    }
)


def init_lang() -> str:
    """The chosen language: ``?lang=`` in the address (once per session), else the session's, else Bahasa.

    The library's messages (:mod:`foodchain.messages`) render in it for the rest of this script run.
    """
    url_lang = st.query_params.get("lang")
    if url_lang in LANGUAGES and not st.session_state.get("lang_from_url"):
        st.session_state["lang"], st.session_state["lang_from_url"] = url_lang, True
    chosen = st.session_state.setdefault("lang", "id")
    set_language(chosen)
    return chosen


def lang() -> str:
    return st.session_state.get("lang", "id")


def t(key: str) -> str:
    """The text for ``key`` in the chosen language (the key itself if it has no entry)."""
    entry = TEXT.get(key)
    return entry.get(lang(), entry["en"]) if entry else key


def column_label(column: str) -> str:
    """A table column's header in the chosen language: a result column's from
    :mod:`foodchain.model.columns`, another's from :data:`COLUMNS` (the column name if it has none)."""
    if columns.column(column) is not None:
        return columns.label(column, lang())
    pair = COLUMNS.get(column)
    return column if pair is None else pair[0 if lang() == "id" else 1]


def option_labels(words: dict) -> Callable[[object], str]:
    """A ``format_func`` showing the translated ``words[option]`` for special options, else the option.

    The words are translated now, not when the function is called: AppTest calls it outside the run.
    """
    fixed = {option: t(key) for option, key in words.items()}
    return lambda option: fixed.get(option, str(option))


# issue 16b: names, not ids (disruption types, solver statuses, how a lever was solved) and the app's chrome
TEXT.update(
    {
        "type_close_route": {"id": "tutup rute", "en": "close routes"},
        "type_close_corridor": {"id": "tutup koridor", "en": "close corridors"},
        "type_close_node": {"id": "tutup tempat", "en": "close places"},
        "type_route_capacity": {"id": "kurangi kapasitas rute", "en": "cut route capacity"},
        "type_node_capacity": {"id": "batasi kapasitas hub", "en": "throttle hubs"},
        "type_supply_shock": {"id": "gangguan pasokan", "en": "supply shock"},
        "type_demand_surge": {"id": "lonjakan permintaan", "en": "demand surge"},
        "type_flood": {"id": "banjir", "en": "flood"},
        "type_reopen": {"id": "buka kembali", "en": "reopen"},
        "type_add_route_capacity": {"id": "tambah kapasitas rute", "en": "add route capacity"},
        "type_add_node_throughput": {"id": "tambah kapasitas bongkar hub", "en": "add hub throughput"},
        "type_release_stock": {"id": "lepas stok", "en": "release stock"},
        "type_temporary_route": {"id": "rute sementara", "en": "temporary route"},
        "status_optimal": {"id": "optimal", "en": "optimal"},
        "status_infeasible": {"id": "tidak layak", "en": "infeasible"},
        "status_unbounded": {"id": "tak terbatas", "en": "unbounded"},
        "status_infeasible or unbounded": {"id": "tidak layak atau tak terbatas", "en": "infeasible or unbounded"},
        "status_time limit reached": {"id": "batas waktu tercapai", "en": "time limit reached"},
        "status_iteration limit reached": {"id": "batas iterasi tercapai", "en": "iteration limit reached"},
        "status_not solved": {"id": "belum dihitung", "en": "not solved"},
        "method_rebuild": {"id": "model dibangun ulang", "en": "model rebuilt"},
        "method_warm re-solve": {"id": "hitung ulang cepat", "en": "warm re-solve"},
        "blank": {"id": "–", "en": "–"},
        "severity_error": {"id": "galat", "en": "error"},
        "kind_activate": {"id": "aktivasi", "en": "activation"},
        "source_sample": {"id": "data contoh", "en": "sample data"},
        "source_upload": {"id": "unggahan", "en": "upload"},
        "source_edit": {"id": "ubahan baris", "en": "row edits"},
        "change_added": {"id": "ditambah", "en": "added"},
        "change_removed": {"id": "dihapus", "en": "removed"},
        "event_account_added": {"id": "akun ditambahkan", "en": "account added"},
        "event_account_disabled": {"id": "akun dinonaktifkan", "en": "account disabled"},
        "event_refused": {"id": "ditolak", "en": "refused"},
        "event_login_ok": {"id": "masuk", "en": "signed in"},
        "event_login_failed": {"id": "gagal masuk", "en": "sign-in failed"},
        "event_login_locked": {"id": "akun dikunci sementara", "en": "account locked for a while"},
        "event_login_throttled": {"id": "terlalu banyak percobaan", "en": "too many attempts"},
        "event_session_expired": {"id": "sesi berakhir", "en": "session ended"},
        "event_logout": {"id": "keluar", "en": "signed out"},
        "severity_warning": {"id": "peringatan", "en": "warning"},
        "yes": {"id": "ya", "en": "yes"},
        "no": {"id": "tidak", "en": "no"},
        "scenario_file_help": {
            "id": "Berkas skenario JSON atau YAML yang pernah disimpan atau ditulis sendiri (lihat README).",
            "en": "A scenario file in JSON or YAML, saved earlier or written by hand (see the README).",
        },
        "flood_geojson_help": {
            "id": "Poligon genangan dalam GeoJSON (derajat WGS84); rute dan tempat di dalamnya ditutup.",
            "en": "Flooded areas as GeoJSON polygons (WGS84 degrees); routes and places inside them close.",
        },
        "boundary_file_help": {
            "id": "Poligon zona dalam GeoJSON dengan node_id pasar pada propertinya; tanpa berkas, zona bawaan dipakai.",
            "en": "Zone polygons as GeoJSON with the market's node_id in their properties; without one, "
            "the bundled zones are used.",
        },
    }
)
