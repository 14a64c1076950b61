"""Messages of the version store and the accounts of a shared deployment."""

MESSAGES = {
    "store.name_required": {
        "en": "the name of the person uploading or activating is required",
        "id": "nama orang yang mengunggah atau mengaktifkan wajib diisi",
    },
    "store.no_version": {"en": "there is no dataset version {version}", "id": "versi dataset {version} tidak ada"},
    "store.version_lacks_tables": {
        "en": "dataset version {version} lacks the table(s) {tables}",
        "id": "versi dataset {version} tidak memiliki tabel {tables}",
    },
    # accounts
    "store.bad_account_name": {
        "en": "'{name}' is not a name: 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit",
        "id": "'{name}' bukan nama yang sah: 1-64 huruf, angka, '.', '_', '@' atau '-', diawali huruf atau angka",
    },
    "store.bad_role": {"en": "'{role}' is not a role: one of {roles}", "id": "'{role}' bukan peran: pilih {roles}"},
    "store.password_length": {
        "en": "the password must have {low} to {high} characters",
        "id": "kata sandi harus terdiri atas {low} sampai {high} karakter",
    },
    "store.account_taken": {
        "en": "there is already an account named '{name}'",
        "id": "sudah ada akun bernama '{name}'",
    },
    "store.no_account": {"en": "there is no account named '{name}'", "id": "tidak ada akun bernama '{name}'"},
    "store.passwords_differ": {"en": "the two passwords differ", "id": "kedua kata sandi tidak sama"},
    "store.login_refused": {"en": "login refused ({reason})", "id": "masuk ditolak ({reason})"},
    "store.not_allowed": {
        "en": "account '{name}' ({role}) may not {action}: that needs the {needed} role",
        "id": "akun '{name}' ({role}) tidak berwenang untuk {action}: tindakan ini memerlukan peran {needed}",
    },
    "store.write_without_role": {
        "en": "this store write has no role in foodchain.store.guard.WRITES",
        "id": "penulisan ke penyimpanan ini tidak memiliki peran di foodchain.store.guard.WRITES",
    },
    # what an account may be refused (the admin actions and foodchain.store.guard.WRITES)
    "store.action.add_account": {"en": "add an account", "id": "menambah akun"},
    "store.action.disable_account": {"en": "disable an account", "id": "menonaktifkan akun"},
    "store.action.add_version": {"en": "add version", "id": "menambah versi dataset"},
    "store.action.activate": {"en": "activate", "id": "mengaktifkan versi dataset"},
    "store.action.save_scenario": {"en": "save scenario", "id": "menyimpan skenario"},
    "store.action.save_run": {"en": "save run", "id": "menyimpan hasil perhitungan"},
}
