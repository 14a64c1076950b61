"""Dataset tables, their schema, readers and writers, validation and graph views."""

from foodchain.model.dataset import Dataset, dataset_from_tables, load_dataset, validate_source
from foodchain.model.problems import Problem

__all__ = ["Dataset", "Problem", "dataset_from_tables", "load_dataset", "validate_source"]
