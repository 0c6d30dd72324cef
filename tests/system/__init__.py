"""System tests: real servers, the browser and databases."""
