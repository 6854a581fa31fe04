-- AlterTable
ALTER TABLE "tickets" ADD COLUMN     "anonymised_at" TIMESTAMP(3),
ADD COLUMN     "customer_informed_at" TIMESTAMP(3),
ADD COLUMN     "live_channel_id" TEXT,
ADD COLUMN     "live_message_ts" TEXT;

-- AlterTable
ALTER TABLE "xregion_requests" ADD COLUMN     "anonymised_at" TIMESTAMP(3);

-- Written by hand (Prisma does not model triggers). Acceptance forms stay immutable
-- with one exception: the retention job (PII_RETENTION_MONTHS) masks the member's
-- personal data of a closed request. Every other column must stay as it was, and the
-- new number and phone must be masked (hold '*'), so no one rewrites a form this way.
CREATE FUNCTION xregion_acceptance_forms_are_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.id = OLD.id AND NEW.request_id = OLD.request_id AND NEW.version = OLD.version
     AND NEW.card_tier IS NOT DISTINCT FROM OLD.card_tier
     AND NEW.home_region_code = OLD.home_region_code AND NEW.serving_region_code = OLD.serving_region_code
     AND NEW.service = OLD.service AND NEW.description = OLD.description
     AND NEW.verified_by IS NOT DISTINCT FROM OLD.verified_by
     AND NEW.reply_deadline = OLD.reply_deadline
     AND NEW.submitted_by_id = OLD.submitted_by_id AND NEW.submitted_at = OLD.submitted_at
     AND position('*' IN NEW.contact_phone) > 0
     AND (NEW.member_number = OLD.member_number OR position('*' IN NEW.member_number) > 0)
     AND position('*' IN NEW.member_name) > 0 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% rows are kept for audit and cannot be changed; submit a new version instead', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER "xregion_acceptance_forms_immutable" ON "xregion_acceptance_forms";
CREATE TRIGGER "xregion_acceptance_forms_immutable" BEFORE UPDATE OR DELETE ON "xregion_acceptance_forms"
  FOR EACH ROW EXECUTE FUNCTION xregion_acceptance_forms_are_immutable();
