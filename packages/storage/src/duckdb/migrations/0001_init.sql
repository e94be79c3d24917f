-- Centric embedded store, version 1: projects and keys (state), events and order items (facts).
-- Every fact row carries its project; every query filters on it.

CREATE TABLE projects (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  settings JSON
);

CREATE TABLE api_keys (
  key VARCHAR PRIMARY KEY,
  project_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  revoked_at TIMESTAMP
);

-- No indexes on the fact tables: DuckDB scans columns fast, and an ART index would slow the
-- appender and grow memory with every row.
CREATE TABLE events (
  project_id VARCHAR NOT NULL,
  message_id VARCHAR NOT NULL,
  type VARCHAR NOT NULL,
  event VARCHAR,
  anonymous_id VARCHAR,
  user_id VARCHAR,
  previous_id VARCHAR,
  session_id VARCHAR,
  channel VARCHAR NOT NULL,
  ts TIMESTAMP NOT NULL,
  received_at TIMESTAMP NOT NULL,
  product_id VARCHAR,
  order_id VARCHAR,
  revenue DOUBLE,
  value DOUBLE,
  currency VARCHAR,
  quantity INTEGER,
  query VARCHAR,
  category VARCHAR,
  utm_source VARCHAR,
  utm_medium VARCHAR,
  utm_campaign VARCHAR,
  utm_term VARCHAR,
  utm_content VARCHAR,
  page_path VARCHAR,
  referrer VARCHAR,
  properties JSON,
  context JSON,
  traits JSON
);

CREATE TABLE order_items (
  project_id VARCHAR NOT NULL,
  order_id VARCHAR NOT NULL,
  message_id VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  product_id VARCHAR NOT NULL,
  sku VARCHAR,
  name VARCHAR,
  category VARCHAR,
  brand VARCHAR,
  price DOUBLE,
  quantity INTEGER NOT NULL,
  ts TIMESTAMP NOT NULL
);
