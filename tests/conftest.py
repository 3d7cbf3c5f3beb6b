"""pytest's shared fixtures live in the harness; this file makes the tests one package."""
