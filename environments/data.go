package environments

// LoadData reads an iteration data file (CSV with a header row, or a JSON
// array of objects) and returns one variable list per iteration. CSV values
// are strings; JSON values keep their types. Errors name the file and place.
func LoadData(path string) ([]*List, error) { panic("not implemented") }
