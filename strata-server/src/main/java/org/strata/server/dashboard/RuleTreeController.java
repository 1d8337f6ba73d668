package org.strata.server.dashboard;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.strata.engine.rule.Diagnostic;
import org.strata.engine.rule.ParsedRule;
import org.strata.engine.rule.RuleParser;

@Tag(name = "Rule builder", description = "Rule text to the visual builder's tree and back")
@RestController
@Access(Permission.READ)
@RequestMapping("/api/v1/dashboard/rules")
class RuleTreeController {

    record TextRequest(String rule) {
    }

    /** {@code tree} null when the text has syntax errors: the builder cannot show it, the diagnostics say why. */
    record TreeResponse(RuleTree tree, List<Diagnostic> diagnostics) {
    }

    record TextResponse(String rule) {
    }

    @Operation(summary = "Parse rule text into the builder's tree of AND/OR groups and conditions")
    @PostMapping("/tree")
    TreeResponse tree(@RequestBody TextRequest request) {
        ParsedRule parsed = RuleParser.parse(request.rule() == null ? "" : request.rule());
        return parsed.hasErrors() ? new TreeResponse(null, parsed.diagnostics())
                : new TreeResponse(RuleTrees.of(parsed.expr()), List.of());
    }

    @Operation(summary = "Print the builder's tree as canonical rule text (400 naming the tree path when a value "
            + "is not valid rule syntax)")
    @PostMapping("/text")
    TextResponse text(@RequestBody RuleTree tree) {
        return new TextResponse(RuleTrees.text(tree));
    }
}
