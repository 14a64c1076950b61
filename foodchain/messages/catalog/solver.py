"""Solver statuses in words, solver failures and the size of the LP."""

MESSAGES = {
    "solver.status.optimal": {"en": "optimal", "id": "optimal"},
    "solver.status.infeasible": {"en": "infeasible", "id": "tidak layak (tak ada penyelesaian)"},
    "solver.status.unbounded": {"en": "unbounded", "id": "tak terbatas"},
    "solver.status.infeasible_or_unbounded": {
        "en": "infeasible or unbounded",
        "id": "tidak layak atau tak terbatas",
    },
    "solver.status.time_limit": {"en": "time limit reached", "id": "batas waktu tercapai"},
    "solver.status.iteration_limit": {"en": "iteration limit reached", "id": "batas iterasi tercapai"},
    "solver.status.not_solved": {"en": "not solved", "id": "belum diselesaikan"},
    "solver.status.approximate": {
        "en": "approximate (rolling horizon: feasible, not proven optimal)",
        "id": "perkiraan (horizon bergulir: layak, belum terbukti optimal)",
    },
    "solver.rolling_window": {
        "en": "window {j} of {n} (days {first}-{last}):",
        "id": "jendela {j} dari {n} (hari {first}-{last}):",
    },
    "solver.rolling_warning": {
        "en": (
            "the {days} days were solved as a rolling horizon ({windows} windows of {window} days, "
            "{kept} kept from each): a feasible plan, not proven optimal. On Jakarta's benchmark scenarios "
            "it was within {gap} % of the optimum (benchmarks/RESULTS.md); for the exact plan use the "
            "exact horizon method (--horizon exact), which takes much longer"
        ),
        "id": (
            "{days} hari diselesaikan sebagai horizon bergulir ({windows} jendela {window} hari, "
            "{kept} hari diambil dari tiap jendela): rencana yang layak, belum terbukti optimal. Pada "
            "skenario uji Jakarta selisihnya dari optimum paling banyak {gap} % (benchmarks/RESULTS.md); "
            "untuk rencana eksak gunakan metode horizon eksak (--horizon exact), yang jauh lebih lama"
        ),
    },
    "solver.phase_running": {"en": "running", "id": "berjalan"},
    "solver.phase_iteration": {"en": "iteration {n}", "id": "iterasi {n}"},
    "solver.fair_sharing_stage": {"en": "fair-sharing stage", "id": "tahap pembagian adil"},
    "solver.not_optimal": {
        "en": "the solver stopped without an optimal solution: {status}",
        "id": "pemecah (solver) berhenti tanpa penyelesaian optimal: {status}",
    },
    "solver.pulp_failed": {
        "en": "{solver} (through PuLP) failed: {detail}",
        "id": "{solver} (lewat PuLP) gagal: {detail}",
    },
    "solver.no_cbc": {
        "en": "the CBC program that PuLP ships was not found; choose a HiGHS solver",
        "id": "program CBC bawaan PuLP tidak ditemukan; pilih pemecah HiGHS",
    },
    "solver.clp_no_solution": {"en": "Clp wrote no solution: {log}", "id": "Clp tidak menulis penyelesaian: {log}"},
    "solver.clp_bad_file": {
        "en": "Clp's solution file has {found} rows and columns, the LP {expected}",
        "id": "berkas penyelesaian Clp berisi {found} baris dan kolom, sedangkan LP-nya {expected}",
    },
    "solver.unknown": {
        "en": "unknown solver '{solver}'; choose one of {choices}",
        "id": "pemecah '{solver}' tidak dikenal; pilih salah satu dari {choices}",
    },
    "solver.size_words": {
        "en": "{rows} rows x {columns} columns, {nonzeros} nonzeros, about {gib} GiB",
        "id": "{rows} baris x {columns} kolom, {nonzeros} elemen taknol, sekitar {gib} GiB",
    },
    "solver.building_lp": {"en": "building the LP", "id": "menyusun LP"},
    "solver.up_to": {"en": "up to {size}", "id": "paling banyak {size}"},
    "solver.one_day": {"en": "{days} day", "id": "{days} hari"},
    "solver.days": {"en": "{days} days", "id": "{days} hari"},
    "solver.too_large": {
        "en": "the LP of {days} would have up to {size} of memory, more than the {limit} GiB allowed;"
        " solve fewer days (--days) or a smaller network",
        "id": "LP untuk {days} akan mencapai {size} memori, melebihi batas {limit} GiB;"
        " hitung lebih sedikit hari (--days) atau jaringan yang lebih kecil",
    },
    "solver.days_range": {
        "en": "days must be from 1 to {limit} (a year), not {days}",
        "id": "jumlah hari harus dari 1 sampai {limit} (setahun), bukan {days}",
    },
}
