-- AlterEnum
ALTER TYPE "RetentionTrigger" ADD VALUE 'service';
