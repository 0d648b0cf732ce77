package exchange

// progress turns per-bundle counts into done/total for a progress bar.
type progress struct {
	fn          func(done, total int64)
	total, base int64
	cur         int64
}

func newProgress(fn func(done, total int64)) *progress { return &progress{fn: fn} }

// addTotal adds a bundle's announced change count, read from its header.
func (p *progress) addTotal(path string, opt Options) {
	if p.fn == nil {
		return
	}
	if n, ok := headerCount(path, opt); ok {
		p.total += n
	}
}

// step reports changes read in the bundle being imported.
func (p *progress) step(read int) {
	p.cur = int64(read)
	if p.fn != nil {
		p.fn(p.base+p.cur, max(p.total, p.base+p.cur))
	}
}

// finish moves on to the next bundle.
func (p *progress) finish() {
	p.base += p.cur
	p.cur = 0
}
