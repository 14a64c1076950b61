"""Fair sharing (foodchain.optimize.equity): when its stages cannot finish."""

MESSAGES = {
    "equity.not_optimal": {
        "en": "the fair-sharing stage stopped without an optimal solution: {status}",
        "id": "tahap pembagian adil berhenti tanpa solusi optimal: {status}",
    },
    "equity.no_restart": {
        "en": "the fair-sharing stage could not restart from the first solve",
        "id": "tahap pembagian adil tidak dapat dimulai ulang dari penyelesaian pertama",
    },
}
