"""Messages of the command line: argument errors (argparse's own too), and the lines commands print."""

MESSAGES = {
    # the one line of an argument error, and argparse's own texts (foodchain.cli.parser_text)
    "cli.usage_error": {
        "en": "error: {prog}: {message} (see {prog} --help)",
        "id": "galat: {prog}: {message} (lihat {prog} --help)",
    },
    "cli.argparse.argument": {"en": "argument {name}: {message}", "id": "argumen {name}: {message}"},
    "cli.argparse.invalid_choice": {
        "en": "invalid choice: {value} (choose from {choices})",
        "id": "pilihan tidak sah: {value} (pilih dari {choices})",
    },
    "cli.argparse.unknown_parser": {
        "en": "unknown parser {value} (choices: {choices})",
        "id": "perintah {value} tidak dikenal (pilihan: {choices})",
    },
    "cli.argparse.required": {
        "en": "the following arguments are required: {names}",
        "id": "argumen berikut wajib diisi: {names}",
    },
    "cli.argparse.one_required": {
        "en": "one of the arguments {names} is required",
        "id": "salah satu argumen {names} wajib diisi",
    },
    "cli.argparse.unrecognized": {"en": "unrecognized arguments: {names}", "id": "argumen tidak dikenal: {names}"},
    "cli.argparse.expected_one": {"en": "expected one argument", "id": "memerlukan satu nilai"},
    "cli.argparse.expected_at_most_one": {
        "en": "expected at most one argument",
        "id": "memerlukan paling banyak satu nilai",
    },
    "cli.argparse.expected_at_least_one": {
        "en": "expected at least one argument",
        "id": "memerlukan sekurang-kurangnya satu nilai",
    },
    "cli.argparse.expected_n": {"en": "expected {count} argument(s)", "id": "memerlukan {count} nilai"},
    "cli.argparse.not_allowed_with": {
        "en": "not allowed with argument {name}",
        "id": "tidak boleh dipakai bersama argumen {name}",
    },
    "cli.argparse.ignored_explicit": {
        "en": "ignored explicit argument {value}",
        "id": "nilai {value} yang diberikan diabaikan",
    },
    "cli.argparse.ambiguous_option": {
        "en": "ambiguous option: {option} could match {matches}",
        "id": "opsi {option} bermakna ganda: dapat berarti {matches}",
    },
    "cli.argparse.invalid_value": {"en": "invalid {kind} value: {value}", "id": "nilai {kind} tidak sah: {value}"},
    "cli.argparse.unexpected_option": {"en": "unexpected option string: {option}", "id": "opsi tak terduga: {option}"},
    # argument types (foodchain.cli.args)
    "cli.not_whole": {"en": "'{text}' is not a whole number", "id": "'{text}' bukan bilangan bulat"},
    "cli.whole_range": {
        "en": "must be a whole number from {low} to {high}{what}, not {text}",
        "id": "harus bilangan bulat dari {low} sampai {high}{what}, bukan {text}",
    },
    "cli.whole_at_least": {
        "en": "must be a whole number >= {low}{what}, not {text}",
        "id": "harus bilangan bulat >= {low}{what}, bukan {text}",
    },
    "cli.a_year_at_most": {"en": " (a year at most)", "id": " (paling lama setahun)"},
    # --people-threshold (issue 14 item 3)
    "cli.not_share": {
        "en": "must be a share greater than 0 and at most 1 (0.1 = 10%), not {text}",
        "id": "harus bagian lebih dari 0 dan paling banyak 1 (0,1 = 10%), bukan {text}",
    },
    "cli.not_seconds": {"en": "'{text}' is not a number of seconds", "id": "'{text}' bukan jumlah detik"},
    "cli.seconds_range": {
        "en": "must be a finite number of seconds > 0, not {text}",
        "id": "harus jumlah detik yang terhingga dan > 0, bukan {text}",
    },
    "cli.bad_scheduler": {
        "en": "'{address}' is not a scheduler address (e.g. tcp://host:8786)",
        "id": "'{address}' bukan alamat penjadwal (mis. tcp://host:8786)",
    },
    "cli.scheduler_unreachable": {
        "en": "cannot reach the Dask scheduler at '{address}' within {seconds} s ({reason})",
        "id": "penjadwal Dask di '{address}' tidak dapat dihubungi dalam {seconds} detik ({reason})",
    },
    "cli.timed_out": {"en": "timed out", "id": "waktu habis"},
    # what commands print
    "cli.validate_summary": {
        "en": "{errors} error(s), {warnings} warning(s)",
        "id": "{errors} galat, {warnings} peringatan",
    },
    "cli.validate_valid": {
        "en": "{errors} error(s), {warnings} warning(s): {dataset} is valid",
        "id": "{errors} galat, {warnings} peringatan: {dataset} sah",
    },
    "cli.solving": {"en": "solving: {line}", "id": "menghitung: {line}"},
    "cli.solve_summary": {
        "en": "{status}: {scenario}, {days} day(s); demand {demand} t, shortfall {shortfall} t; results in {out}",
        "id": "{status}: {scenario}, {days} hari; permintaan {demand} t, kekurangan {shortfall} t; hasil di {out}",
    },
    "cli.baseline": {"en": "Baseline", "id": "Kondisi dasar"},
    "cli.no_flood": {"en": "'{name}' has no flood disruption", "id": "'{name}' tidak berisi gangguan banjir"},
    "cli.flood_touches_nothing": {
        "en": "the floods touch no route and no node",
        "id": "banjir tidak mengenai rute maupun tempat mana pun",
    },
    "cli.flood_overlay_summary": {
        "en": "{routes} route row(s), {nodes} node row(s); {closed} closed",
        "id": "{routes} baris rute, {nodes} baris tempat; {closed} ditutup",
    },
    "cli.written_to": {"en": "{what}; written to {path}", "id": "{what}; ditulis ke {path}"},
    "cli.written": {"en": "written to {path}", "id": "ditulis ke {path}"},
    "cli.criticality_summary": {
        "en": "{count} {targets} closed one at a time; most critical: {top}",
        "id": "{count} {targets} ditutup satu per satu; paling kritis: {top}",
    },
    "cli.targets.routes": {"en": "routes", "id": "rute"},
    "cli.targets.corridors": {"en": "corridors", "id": "koridor"},
    "cli.targets.nodes": {"en": "nodes", "id": "tempat"},
    "cli.ensemble_summary": {
        "en": "{runs} runs of '{name}' (seed {seed}): expected shortfall {expected} t of {demand} t;"
        " P(share unmet > 5%) = {p}; results in {out}",
        "id": "{runs} kali '{name}' (seed {seed}): perkiraan kekurangan {expected} t dari {demand} t;"
        " P(bagian tak terpenuhi > 5%) = {p}; hasil di {out}",
    },
    "cli.mitigate_best": {
        "en": "; best: {lever} removes {removed} t",
        "id": "; terbaik: {lever} mengurangi {removed} t",
    },
    "cli.mitigate_summary": {
        "en": "{count} lever(s) on '{scenario}'{best}; results in {out}",
        "id": "{count} langkah penanganan untuk '{scenario}'{best}; hasil di {out}",
    },
    "cli.brief_summary": {
        "en": "brief of '{scenario}' ({lang}): shortfall {shortfall} t; written to {out}",
        "id": "ringkasan '{scenario}' ({lang}): kekurangan {shortfall} t; ditulis ke {out}",
    },
    # store and users commands
    "cli.nothing_stored": {"en": "nothing stored", "id": "tidak ada yang disimpan"},
    "cli.no_tables": {"en": "'{data}' holds none of the tables", "id": "'{data}' tidak berisi satu pun tabel"},
    "cli.say_numbers": {
        "en": "say how the numbers are written: --numbers en (1,234.5) or --numbers id (1.234,5)",
        "id": "sebutkan cara angka ditulis: --numbers en (1,234.5) atau --numbers id (1.234,5)",
    },
    "cli.stored_active": {
        "en": "stored as version {version} (active); tables read: {tables}",
        "id": "disimpan sebagai versi {version} (aktif); tabel yang dibaca: {tables}",
    },
    "cli.stored_draft": {
        "en": "stored as version {version} (a draft; make it active with: foodchain store activate {version} --by NAME);"
        " tables read: {tables}",
        "id": "disimpan sebagai versi {version} (draf; aktifkan dengan: foodchain store activate {version} --by NAMA);"
        " tabel yang dibaca: {tables}",
    },
    "cli.diff_summary": {
        "en": "{cells} cell(s) changed, {rows} row(s) added or removed from version {a} to {b}",
        "id": "{cells} sel berubah, {rows} baris ditambah atau dihapus dari versi {a} ke {b}",
    },
    "cli.activated": {
        "en": "version {version} is active (was {before}), by {by}",
        "id": "versi {version} kini aktif (sebelumnya {before}), oleh {by}",
    },
    "cli.no_version": {"en": "none", "id": "tidak ada"},
    "cli.log_version": {
        "en": "version {version}\t{state}\t{at}\t{by}\t{source}\t{note}",
        "id": "versi {version}\t{state}\t{at}\t{by}\t{source}\t{note}",
    },
    "cli.state.active": {"en": "active", "id": "aktif"},
    "cli.state.draft": {"en": "draft", "id": "draf"},
    "cli.state.retired": {"en": "retired", "id": "tidak dipakai lagi"},
    "cli.log_activate": {
        "en": "activate {before} -> {version}\t{at}\t{by}\t{note}",
        "id": "aktivasi {before} -> {version}\t{at}\t{by}\t{note}",
    },
    "cli.exported": {"en": "version {version} written to {out}", "id": "versi {version} ditulis ke {out}"},
    "cli.account_added": {"en": "account '{name}' added as {role}", "id": "akun '{name}' ditambahkan sebagai {role}"},
    "cli.no_accounts": {
        "en": "no accounts yet: foodchain users add NAME --role admin",
        "id": "belum ada akun: foodchain users add NAMA --role admin",
    },
    "cli.account_disabled": {"en": "account '{name}' disabled", "id": "akun '{name}' dinonaktifkan"},
    "cli.disabled": {"en": "disabled", "id": "nonaktif"},
    "cli.password": {"en": "Password: ", "id": "Kata sandi: "},
    "cli.password_again": {"en": "Password again: ", "id": "Ulangi kata sandi: "},
}
