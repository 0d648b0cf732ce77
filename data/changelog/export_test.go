package changelog

import "fmt"

// SpillDirtyAt lets external tests lower the spill threshold of touched
// organisations, to run the temp-table path on a small import.
var SpillDirtyAt = &spillDirtyAt

// FieldClocks reads the field clocks of one record, each as "hlc H device
// D seq S base B" by its field, for tests outside the package.
func FieldClocks(q Queryer, entity, id string) (map[string]string, error) {
	cl, err := recordClocks(q, entity, id)
	out := map[string]string{}
	for _, c := range cl {
		out[c.field] = fmt.Sprintf("hlc %d device %s seq %d base %d", int64(c.hlc), c.device, c.seq, int64(c.base))
	}
	return out, err
}
