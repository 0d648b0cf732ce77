package domain

// Country is an ISO 3166 alpha-2 code; the project works in Sweden and Norway.
type Country string

const (
	CountrySE Country = "SE"
	CountryNO Country = "NO"
)

// Valid reports whether c is one of the project's countries.
func (c Country) Valid() bool { return c == CountrySE || c == CountryNO }

// Other returns the country on the other side of the border.
func (c Country) Other() Country {
	if c == CountrySE {
		return CountryNO
	}
	return CountrySE
}
