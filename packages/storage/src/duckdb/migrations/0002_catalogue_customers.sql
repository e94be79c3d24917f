-- Version 2: the product catalogue and imported customers (state), per project.
-- content_hash lets a re-import tell unchanged rows (skipped as duplicates) from updates.

CREATE TABLE products (
  project_id VARCHAR NOT NULL,
  product_id VARCHAR NOT NULL,
  title VARCHAR NOT NULL,
  description VARCHAR,
  category_path VARCHAR,
  brand VARCHAR,
  price DOUBLE,
  sale_price DOUBLE,
  currency VARCHAR,
  availability VARCHAR,
  image_link VARCHAR,
  link VARCHAR,
  attributes JSON,
  content_hash VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (project_id, product_id)
);

CREATE TABLE customers (
  project_id VARCHAR NOT NULL,
  customer_id VARCHAR NOT NULL,
  -- HMAC-SHA256 of the lower-cased address with the project's key; the address itself only
  -- when the project is configured to keep it.
  email_hash VARCHAR,
  email VARCHAR,
  first_name VARCHAR,
  last_name VARCHAR,
  created_at TIMESTAMP,
  attributes JSON,
  content_hash VARCHAR NOT NULL,
  imported_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (project_id, customer_id)
);
