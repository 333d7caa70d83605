"""The runtime the snippets import: figure style, computation-graph drawing, fresh torch state."""
