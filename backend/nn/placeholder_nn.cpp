// Placeholder until the blocks land.
