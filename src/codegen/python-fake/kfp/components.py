"""`kfp.components.load_component_from_text`, reading the spec as KFP does (PyYAML)."""
from kfp._recorder import load_component_from_text  # noqa: F401
