-- When the user's current address was proven theirs (a verification link); NULL until then, and
-- again after the address changes. Existing accounts start unverified.
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMPTZ;
