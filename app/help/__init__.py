"""Pages that help people use the service: the glossary, guidance and the service's notices."""
