"""Chinese text utilities shared by the rules and the renderer (no document stack)."""
