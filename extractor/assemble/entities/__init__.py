"""Things a document names: titles, organisations and their short names, people, its main organisation."""
