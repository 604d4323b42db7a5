DROP TABLE service_order_events;
DROP TABLE service_order_lines;
DROP TABLE service_orders;
DROP TABLE counters;
