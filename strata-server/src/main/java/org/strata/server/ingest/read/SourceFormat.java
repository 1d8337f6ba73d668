package org.strata.server.ingest.read;

/** The file formats an import reads; the format is told by the content, not the file name. */
public enum SourceFormat {
    CSV, XLSX
}
