"""LP build, solve and results; scenarios applied to capacities, supply and demand."""

from foodchain.optimize.results import SolveResult
from foodchain.optimize.scenario import Scenario, load_scenario, scenario_from_dict
from foodchain.optimize.solve import solve

__all__ = ["Scenario", "SolveResult", "load_scenario", "scenario_from_dict", "solve"]
