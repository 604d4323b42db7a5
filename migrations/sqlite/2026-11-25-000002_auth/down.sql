DROP TABLE outbox;
DROP TABLE rate_limits;
DROP TABLE sessions;
DROP TABLE login_codes;
