package org.strata.server.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.strata.server.access.Access;
import org.strata.server.access.CurrentUser;
import org.strata.server.access.Permission;
import org.strata.server.dashboard.PublishedSchemes;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.Playbook;
import org.strata.server.playbook.PlaybookOverview;
import org.strata.server.playbook.TriggerKind;

/**
 * The playbook list and the playbook editor. Both change playbooks through the playbook API from the page's script;
 * the editor gets the published schemes, teams, churn signals and SLA policies it offers as one data block.
 */
@Controller
class PlaybookPages implements ConsolePage {

    private final PlaybookOverview playbooks;
    private final PublishedSchemes schemes;
    private final PageData data;

    PlaybookPages(PlaybookOverview playbooks, PublishedSchemes schemes, PageData data) {
        this.playbooks = playbooks;
        this.schemes = schemes;
        this.data = data;
    }

    /**
     * One line of the list. {@code target} names the scheme and the tier, tag or SLA policy of the trigger in the
     * reader's language; days and signals are worded by the template.
     */
    record Row(long id, String name, String trigger, String target, Integer days, String signal, List<String> actions,
               boolean enabled, int holdoutPercent, Instant lastFiredAt) {
    }

    @Access(Permission.READ)
    @GetMapping("/playbooks")
    String list(Model model, Locale locale) {
        boolean english = ConsoleLanguages.isEnglish(locale);
        Map<String, PublishedSchemes.SchemeInfo> published = new LinkedHashMap<>();
        schemes.all().forEach(s -> published.put(s.key(), s));
        Map<Long, String> policies = new LinkedHashMap<>();
        playbooks.slaPolicies().forEach(p -> policies.put(p.id(), english ? p.nameEn() : p.nameZh()));
        List<Row> rows = new ArrayList<>();
        for (PlaybookOverview.Row row : playbooks.playbooks()) {
            Playbook p = row.playbook();
            rows.add(new Row(p.id(), english ? p.nameEn() : p.nameZh(), p.trigger().kind(),
                    target(p.trigger(), published, policies, english), p.trigger().days(), p.trigger().signal(),
                    p.actions().stream().map(Playbook.Action::kind).toList(), p.enabled(), p.holdoutPercent(),
                    row.lastFiredAt()));
        }
        model.addAttribute("section", "playbooks");
        model.addAttribute("rows", rows);
        model.addAttribute("canManage", CurrentUser.can(Permission.MANAGE_PLAYBOOKS));
        model.addAttribute("noSchemes", published.isEmpty());
        return "playbooks";
    }

    @Access(Permission.MANAGE_PLAYBOOKS)
    @GetMapping("/playbooks/new")
    String create(Model model) {
        return editor(null, model);
    }

    @Access(Permission.READ)
    @GetMapping("/playbooks/{id}")
    String edit(@PathVariable long id, Model model) {
        Playbook playbook = playbooks.playbook(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no playbook " + id));
        return editor(playbook, model);
    }

    private String editor(Playbook playbook, Model model) {
        boolean canManage = CurrentUser.can(Permission.MANAGE_PLAYBOOKS);
        Map<String, Object> editorData = new LinkedHashMap<>();
        editorData.put("schemes", schemes.all());
        List<PlaybookOverview.Team> teams = playbooks.teams();
        editorData.put("teams", teams);
        editorData.put("playbook", playbook);
        editorData.put("canManage", canManage);
        model.addAttribute("section", "playbooks");
        model.addAttribute("playbook", playbook);
        model.addAttribute("canManage", canManage);
        model.addAttribute("triggers", java.util.Arrays.stream(TriggerKind.values()).map(TriggerKind::code).toList());
        model.addAttribute("actionKinds", java.util.Arrays.stream(ActionKind.values()).map(ActionKind::code).toList());
        model.addAttribute("signals", playbooks.churnSignals());
        model.addAttribute("policies", playbooks.slaPolicies());
        model.addAttribute("teams", teams);
        model.addAttribute("editorData", data.of(editorData));
        return "playbook-editor";
    }

    private static String target(Playbook.Trigger trigger, Map<String, PublishedSchemes.SchemeInfo> published,
                                 Map<Long, String> policies, boolean english) {
        if (trigger.policy() != null) {
            return policies.getOrDefault(trigger.policy(), "#" + trigger.policy());
        }
        if (trigger.scheme() == null) {
            return "";
        }
        Optional<PublishedSchemes.SchemeInfo> scheme = Optional.ofNullable(published.get(trigger.scheme()));
        String schemeName = scheme.map(s -> english ? s.nameEn() : s.nameZh()).orElse(trigger.scheme());
        String item = trigger.tier() != null ? trigger.tier() : trigger.tag();
        if (item == null) {
            return schemeName;
        }
        String itemName = scheme.stream().flatMap(s -> java.util.stream.Stream.concat(s.tiers().stream(),
                        s.tags().stream()))
                .filter(t -> t.key().equals(item)).findFirst()
                .map(t -> english ? t.nameEn() : t.nameZh()).orElse(item);
        return schemeName + " › " + itemName;
    }
}
