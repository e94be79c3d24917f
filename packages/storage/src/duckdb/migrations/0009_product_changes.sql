-- Version 9: the history of catalogue products' prices and stock. A catalogue upsert keeps only
-- the current row; the shopping stream needs to know that a product a visitor looked at got
-- cheaper or came back in stock, and when. Each upsert that changes a listed product's effective
-- price (the sale price when lower) or its availability appends one row here, in the same
-- transaction. New products are not rows here: products.created_at says when they arrived.

CREATE TABLE product_changes (
  project_id VARCHAR NOT NULL,
  product_id VARCHAR NOT NULL,
  changed_at TIMESTAMP NOT NULL,
  old_price DOUBLE,
  new_price DOUBLE,
  old_availability VARCHAR,
  new_availability VARCHAR
);
