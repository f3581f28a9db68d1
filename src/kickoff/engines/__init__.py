"""Runners of the same stages on other machinery: kickoff's stages stay where they are, and an
engine only decides where their per-document work runs."""
