-- When each user last signed in, shown to admins beside the account.
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" TIMESTAMPTZ(3);
