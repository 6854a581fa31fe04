-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "name_initials" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "name_keys_of" TEXT,
ADD COLUMN     "name_pinyin" TEXT NOT NULL DEFAULT '';
