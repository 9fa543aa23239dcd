-- Support's free-text search (q: any part of a customer's name or email, ILIKE '%text%') finds the customers first,
-- here, and then their orders by the customer index. A b-tree cannot serve '%text%'; a trigram index can, from three
-- characters up (a two-character q reads every customer's entry, still not the orders). The index sits on the customers, one row per customer, and not on the
-- orders: on the read model's two order tables it would double the cost of every rebuilt row (measured, ADR 0040's
-- amendment of 2026-12-03). pg_trgm lives in this schema; the provisioning step installs it (@OwnsSchema).
CREATE INDEX customers_by_name_trigrams ON customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_by_email_trigrams ON customers USING gin (email gin_trgm_ops);
