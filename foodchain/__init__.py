"""foodchain: food supply of a megacity under disruption, as a linear programme.

>>> from foodchain import load_dataset, load_scenario, solve
>>> result = solve(load_dataset("sample_data/tiny"))
>>> result.summary()["total_shortfall_t"]
0.0
"""

from foodchain.errors import FoodchainError, InvalidDataset, InvalidScenario, SolverError
from foodchain.model import Dataset, Problem, dataset_from_tables, load_dataset, validate_source
from foodchain.optimize import Scenario, SolveResult, load_scenario, scenario_from_dict, solve

__version__ = "0.1.0"
__all__ = [
    "Dataset",
    "FoodchainError",
    "InvalidDataset",
    "InvalidScenario",
    "Problem",
    "Scenario",
    "SolveResult",
    "SolverError",
    "dataset_from_tables",
    "load_dataset",
    "load_scenario",
    "scenario_from_dict",
    "solve",
    "validate_source",
]
