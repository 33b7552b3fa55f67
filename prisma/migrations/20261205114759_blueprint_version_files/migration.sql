-- CreateTable
CREATE TABLE "blueprint_version_files" (
    "id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "encoding" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "content_hash" TEXT NOT NULL,
    "findings" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "blueprint_version_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "blueprint_version_files_version_id_path_key" ON "blueprint_version_files"("version_id", "path");

-- AddForeignKey
ALTER TABLE "blueprint_version_files" ADD CONSTRAINT "blueprint_version_files_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "blueprint_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
