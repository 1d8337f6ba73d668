package org.strata.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.strata.server.dashboard.PublishedSchemes;
import org.strata.server.playbook.PlaybookBadRequestException;
import org.strata.server.playbook.PlaybookTime;
import org.strata.server.playbook.experiment.ExperimentReport;
import org.strata.server.playbook.experiment.ExperimentService;
import tools.jackson.databind.ObjectMapper;

/**
 * The experiment report: a playbook's treated entrants against its held-out ones, or the members of two tiers of
 * two schemes, on conversion, revenue per customer and retention, within the caller's data scope. The table and the
 * plain-words verdicts are rendered here; the script draws the same figures as charts with error bars.
 */
@Controller
class ExperimentPage implements ConsolePage {

    private final ExperimentService experiments;
    private final PublishedSchemes schemes;
    private final PlaybookTime time;
    private final MessageSource messages;
    private final ObjectMapper json;

    ExperimentPage(ExperimentService experiments, PublishedSchemes schemes, PlaybookTime time,
                   MessageSource messages, ObjectMapper json) {
        this.json = json;
        this.experiments = experiments;
        this.schemes = schemes;
        this.time = time;
        this.messages = messages;
    }

    /** A "scheme:tier" choice for comparing two tiering schemes. */
    record TierChoice(String value, String labelZh, String labelEn) {
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/experiments")
    String report(@RequestParam(defaultValue = "playbook") String mode, @RequestParam(required = false) Long playbook,
                  @RequestParam(required = false) String a, @RequestParam(required = false) String b,
                  @RequestParam(defaultValue = "30") int days, @RequestParam(defaultValue = "95") int confidence,
                  Model model, Locale locale) {
        boolean bySchemes = mode.equals("schemes");
        List<ExperimentService.HoldoutPlaybook> playbooks = experiments.playbooksWithHoldout();
        model.addAttribute("section", "experiments");
        model.addAttribute("mode", bySchemes ? "schemes" : "playbook");
        model.addAttribute("playbooks", playbooks);
        model.addAttribute("tiers", tierChoices());
        model.addAttribute("playbook", playbook);
        model.addAttribute("a", a);
        model.addAttribute("b", b);
        model.addAttribute("days", days);
        model.addAttribute("confidence", confidence);
        boolean asked = bySchemes ? a != null && b != null : playbook != null;
        if (!asked) {
            return "experiments";
        }
        try {
            ExperimentReport report = bySchemes
                    ? tiers(a, b, days, confidence)
                    : experiments.playbook(playbook, days, confidence / 100.0, time.now());
            boolean english = ConsoleLanguages.isEnglish(locale);
            String title = bySchemes ? tierLabel(a, english) + " / " + tierLabel(b, english)
                    : playbooks.stream().filter(p -> p.id() == playbook)
                    .map(p -> english ? p.nameEn() : p.nameZh()).findFirst().orElse("#" + playbook);
            ExperimentView view = new ExperimentView(report, messages, ConsoleLanguages.of(locale));
            model.addAttribute("subject", title);
            model.addAttribute("report", report);
            model.addAttribute("rows", view.rows());
            // the charts' figures travel as JSON in a data attribute: the page may run no inline script
            model.addAttribute("chart", json.writeValueAsString(view.chart(fileName(bySchemes, playbook, a, b, days))));
        } catch (PlaybookBadRequestException problem) {
            model.addAttribute("problem", problem.getMessage());
        }
        return "experiments";
    }

    private ExperimentReport tiers(String a, String b, int days, int confidence) {
        String[] first = a.split(":", 2);
        String[] second = b.split(":", 2);
        if (first.length != 2) {
            throw new PlaybookBadRequestException("a", "'" + a + "' is not scheme:tier");
        }
        if (second.length != 2) {
            throw new PlaybookBadRequestException("b", "'" + b + "' is not scheme:tier");
        }
        return experiments.tiers(first[0], first[1], second[0], second[1], days, confidence / 100.0, time.now());
    }

    private String tierLabel(String value, boolean english) {
        return tierChoices().stream().filter(c -> c.value().equals(value)).findFirst()
                .map(c -> english ? c.labelEn() : c.labelZh()).orElse(value);
    }

    private List<TierChoice> tierChoices() {
        List<TierChoice> choices = new ArrayList<>();
        for (PublishedSchemes.SchemeInfo scheme : schemes.all()) {
            for (PublishedSchemes.TierInfo tier : scheme.tiers()) {
                choices.add(new TierChoice(scheme.key() + ":" + tier.key(), scheme.nameZh() + " · " + tier.nameZh(),
                        scheme.nameEn() + " · " + tier.nameEn()));
            }
        }
        return choices;
    }

    /** A file name of letters, digits and dashes only, whatever the keys hold. */
    private static String fileName(boolean bySchemes, Long playbook, String a, String b, int days) {
        String subject = bySchemes ? a + "-vs-" + b : "playbook-" + playbook;
        return ("strata-experiment-" + subject + "-" + days + "d").replaceAll("[^A-Za-z0-9-]+", "-") + ".csv";
    }
}
