ALTER TABLE staff DROP COLUMN name_chosen_at;
