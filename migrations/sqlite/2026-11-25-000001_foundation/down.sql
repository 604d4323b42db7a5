DROP TABLE activity;
DROP TABLE api_keys;
DROP TABLE clients;
DROP TABLE staff;
DROP TABLE tenants;
