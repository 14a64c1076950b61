"""Messages of the analyses: ensemble specs, ensemble members and criticality options."""

MESSAGES = {
    "analysis.event_object": {"en": "must be an object with p and days", "id": "harus berupa objek dengan p dan days"},
    "analysis.unknown_key": {"en": "unknown key '{key}'{hint}", "id": "kunci '{key}' tidak dikenal{hint}"},
    "analysis.key_required": {"en": "'{key}' is required", "id": "'{key}' wajib diisi"},
    "analysis.bad_p": {
        "en": "p must be between 0 and 1, not {value}",
        "id": "p harus di antara 0 dan 1, bukan {value}",
    },
    "analysis.bad_days": {
        "en": "days must be a non-empty list of whole numbers >= 1, not {value}",
        "id": "days harus berupa daftar bilangan bulat >= 1 yang tidak kosong, bukan {value}",
    },
    "analysis.bad_weights": {
        "en": "weights must be a list of numbers >= 0 with a positive sum, not {value}",
        "id": "weights harus berupa daftar angka >= 0 yang jumlahnya positif, bukan {value}",
    },
    "analysis.weights_count": {
        "en": "weights has {weights} value(s) but days has {days}: give one weight per duration",
        "id": "weights berisi {weights} nilai, sedangkan days berisi {days}: berikan satu bobot untuk tiap durasi",
    },
    "analysis.bad_factor": {
        "en": "factor must be between 0 (closed) and 1, not {value}",
        "id": "factor harus di antara 0 (ditutup) dan 1, bukan {value}",
    },
    "analysis.bad_start_day": {
        "en": "start_day must be a whole number >= 1 (days are 1-based), not {value}",
        "id": "start_day harus bilangan bulat >= 1 (hari dihitung mulai 1), bukan {value}",
    },
    "analysis.bad_depth": {
        "en": "depth_m must be metres (0 to {limit}) or a range [low, high], not {value}",
        "id": "depth_m harus dalam meter (0 sampai {limit}) atau rentang [bawah, atas], bukan {value}",
    },
    "analysis.depth_or_factor": {
        "en": "give depth_m or factor, not both",
        "id": "isi depth_m atau factor, jangan keduanya",
    },
    "analysis.spec_object": {
        "en": "a spec must be an object with horizon_days, corridors and/or zones",
        "id": "spesifikasi harus berupa objek dengan horizon_days, corridors dan/atau zones",
    },
    "analysis.bad_horizon": {
        "en": "horizon_days must be a whole number >= 1 and <= {limit}, not {value}",
        "id": "horizon_days harus bilangan bulat >= 1 dan <= {limit}, bukan {value}",
    },
    "analysis.section_object": {
        "en": "{section} must be an object: {{name: {{p, days}}}}",
        "id": "{section} harus berupa objek: {{nama: {{p, days}}}}",
    },
    "analysis.floods_nothing": {
        "en": "the spec floods nothing: give corridors, zones or scenarios",
        "id": "spesifikasi ini tidak membanjiri apa pun: isi corridors, zones atau scenarios",
    },
    "analysis.scenarios_list": {
        "en": "scenarios must be a list of scenario file names",
        "id": "scenarios harus berupa daftar nama berkas skenario",
    },
    "analysis.scenario_weights": {
        "en": "scenario_weights must be numbers >= 0 with a positive sum",
        "id": "scenario_weights harus angka >= 0 yang jumlahnya positif",
    },
    "analysis.scenario_weights_count": {
        "en": "give one scenario weight per scenario file",
        "id": "berikan satu bobot skenario untuk tiap berkas skenario",
    },
    "analysis.not_corridor": {
        "en": "'{target}' is not a corridor in the dataset{hint}",
        "id": "'{target}' tidak terdapat sebagai koridor di dataset{hint}",
    },
    "analysis.start_after_horizon": {
        "en": "start_day {start} is after the last day ({last}): the event could never happen",
        "id": "start_day {start} jatuh setelah hari terakhir ({last}): kejadian ini tidak mungkin terjadi",
    },
    "analysis.scenario_file_absent": {
        "en": "scenario file '{name}' does not exist",
        "id": "berkas skenario '{name}' tidak ditemukan",
    },
    "analysis.member_changes_demand": {
        "en": "scenario '{name}' changes demand; ensemble members may change capacities and supply only",
        "id": "skenario '{name}' mengubah permintaan; anggota ensemble hanya boleh mengubah kapasitas dan pasokan",
    },
    "analysis.bad_targets": {
        "en": "targets must be one of {choices}, not '{value}'",
        "id": "targets harus salah satu dari {choices}, bukan '{value}'",
    },
}
