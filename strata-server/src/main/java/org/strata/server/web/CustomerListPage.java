package org.strata.server.web;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.strata.server.dashboard.CustomerBrowseFilter;
import org.strata.server.dashboard.CustomerBrowser;
import org.strata.server.dashboard.PublishedSchemes;

/** The customer list: filters, sort and server-side paging; exports of the same view live in CustomerExport. */
@Controller
class CustomerListPage implements ConsolePage {

    static final int PAGE_SIZE = 50;

    private final CustomerBrowser customers;
    private final PublishedSchemes schemes;

    CustomerListPage(CustomerBrowser customers, PublishedSchemes schemes) {
        this.customers = customers;
        this.schemes = schemes;
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/customers")
    String list(@ModelAttribute("filter") CustomerBrowseFilter filter, @RequestParam(defaultValue = "0") int page,
                Model model, Locale locale) {
        PublishedSchemes.SchemeInfo scheme = schemes.find(filter.scheme()).orElse(null);
        CustomerBrowseFilter effective = scheme == null ? filter : withScheme(filter, scheme.key());
        model.addAttribute("section", "customers");
        model.addAttribute("filter", effective);
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("scheme", scheme);
        model.addAttribute("tierNames", scheme == null ? Map.of() : names(scheme, locale));
        model.addAttribute("tierColors", scheme == null ? Map.of() : scheme.tiers().stream()
                .filter(t -> t.color() != null)
                .collect(Collectors.toMap(PublishedSchemes.TierInfo::key, PublishedSchemes.TierInfo::color)));
        PublishedSchemes.SchemeInfo lifecycle = schemes.lifecycle().orElse(null);
        model.addAttribute("stages", lifecycle == null ? java.util.List.of() : lifecycle.tiers());
        model.addAttribute("stageScheme", lifecycle == null ? null
                : ConsoleLanguages.isEnglish(locale) ? lifecycle.nameEn() : lifecycle.nameZh());
        model.addAttribute("owners", customers.owners());
        model.addAttribute("sorts", CustomerBrowser.SORTS);
        CustomerBrowser.Page shown = customers.find(effective, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("page", shown);
        model.addAttribute("total", customers.total(effective, shown));
        model.addAttribute("query", query(effective));
        return "customers";
    }

    /** The filter as a query string (without the page), for paging and export links. */
    static String query(CustomerBrowseFilter f) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("q", f.q());
        values.put("scheme", f.scheme());
        values.put("tier", f.tier());
        values.put("tag", f.tag());
        values.put("stage", f.stage());
        values.put("owner", f.owner());
        values.put("region", f.region());
        values.put("industry", f.industry());
        values.put("sort", f.sort());
        values.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                uri.queryParam(k, v);
            }
        });
        String query = uri.encode().build().getQuery();
        return query == null ? "" : query;
    }

    static CustomerBrowseFilter withScheme(CustomerBrowseFilter f, String scheme) {
        return new CustomerBrowseFilter(f.q(), scheme, f.tier(), f.tag(), f.stage(), f.owner(), f.region(),
                f.industry(), f.sort());
    }

    static Map<String, String> names(PublishedSchemes.SchemeInfo scheme, Locale locale) {
        boolean english = ConsoleLanguages.isEnglish(locale);
        return scheme.tiers().stream().collect(Collectors.toMap(PublishedSchemes.TierInfo::key,
                t -> english ? t.nameEn() : t.nameZh(), (a, b) -> a));
    }

}
