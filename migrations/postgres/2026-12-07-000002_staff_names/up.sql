-- When the staff member chose the name clients see. NULL until they do: the console asks
-- them once, at their next login. Names somebody typed count as chosen; a name that is
-- only the start of the email address (what `portico tenant create` gives an owner) does not.
ALTER TABLE staff ADD COLUMN name_chosen_at TIMESTAMP;
UPDATE staff SET name_chosen_at = created_at
WHERE lower(name) <> lower(split_part(email, '@', 1));
