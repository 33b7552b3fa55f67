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

-- Hand-written: an attached file is immutable like the version it belongs to (deleted only with it).
CREATE FUNCTION blueprint_version_files_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'attached files of blueprint versions are immutable' USING ERRCODE = 'LP002';
END
$$;

CREATE TRIGGER blueprint_version_files_immutable
  BEFORE UPDATE ON blueprint_version_files
  FOR EACH ROW EXECUTE FUNCTION blueprint_version_files_immutable();
