DROP TABLE reviews;
DROP TABLE appointments;
DROP TABLE booking_settings;
DROP TABLE services;
