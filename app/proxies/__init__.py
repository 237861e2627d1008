"""The financial proxy library: sourced values an outcome's proxy can be chosen from."""
