package org.strata.server.web;

import java.util.Locale;
import org.strata.engine.i18n.LocalizedText;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.ProblemDetail;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportPreviews;

/**
 * The import wizard: upload, kind, mapping with guesses, preview, run with progress and the result. The run itself
 * and its progress are the import API's ({@code /api/v1/imports}); the preview is answered here.
 */
@Controller
class ImportPages implements ConsolePage {

    private static final int PREVIEW_ROWS = 10;

    private final ImportPreviews previews;

    ImportPages(ImportPreviews previews) {
        this.previews = previews;
    }

    @Access(Permission.IMPORT)
    @GetMapping("/imports")
    String wizard(Model model) {
        model.addAttribute("section", "imports");
        return "imports";
    }

    @Access(Permission.IMPORT)
    @PostMapping(value = "/imports/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ImportPreviews.Preview preview(@RequestParam("file") MultipartFile file, @RequestParam String kind,
                                   @RequestParam(required = false) String mapping,
                                   @RequestParam(required = false) String encoding) throws IOException {
        Path copy = Files.createTempFile("strata-preview-", ".upload");
        try {
            file.transferTo(copy);
            return previews.preview(kind, copy, file.getOriginalFilename(), mapping, encoding, PREVIEW_ROWS);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @ExceptionHandler({ImportFileException.class, IllegalArgumentException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    @ResponseBody
    ProblemDetail unreadable(RuntimeException e, Locale locale) {
        if (e instanceof LocalizedText localized) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, localized.text(locale));
            problem.setProperty("code", localized.code());
            return problem;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
