package data

// SpillDirtyAt lets external tests lower the spill threshold of touched
// organisations, to run the temp-table path on a small import.
var SpillDirtyAt = &spillDirtyAt
