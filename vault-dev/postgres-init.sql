-- Run once by the postgres image on its first start (compose files): the user the static role app-static manages.
CREATE ROLE app_static WITH LOGIN PASSWORD 'rotated-by-vault-at-once';
