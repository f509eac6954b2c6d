use crate::diagnostic::Diagnostic;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `data_protection` block of `ip`: it is reported when it says `personal_data: yes`
    /// and gives no `roles` (`independent_controllers`, `joint_controllers`, or
    /// `controller_processor` with its `controller`).
    ///
    /// ## Why it matters
    ///
    /// Data-protection law puts its duties on controllers and processors; parties that share
    /// personal data without saying which they are cannot tell who answers to the people whose
    /// data it is, who must sign which agreement, or who pays a fine. The practice material
    /// counts a data breach and a regulatory fine among the risks an alliance must allocate
    /// clearly (“Beyond the Handshake”).
    ///
    /// ## Example
    ///
    /// ```charter
    /// data_protection { personal_data: yes }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// data_protection { personal_data: yes  roles: joint_controllers }
    /// ```
    pub PersonalDataWithoutRoles {
        name: "personal-data-without-roles",
        severity: Warning,
        group: Practice,
        summary: "personal data shared with no data-protection roles",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(d) = a.ip.as_ref().and_then(|ip| ip.data_protection.as_ref()) else {
        return;
    };
    let Some(personal) = &d.personal_data else {
        return;
    };
    if !personal.value
        || d.roles.is_some()
        || a.unreadable_in("roles", d.span)
        || a.withheld_in("roles", d.span).is_some()
    {
        return;
    }
    out.push(
        finding(
            &PersonalDataWithoutRoles::META,
            personal.span,
            "the parties share personal data, but nothing says who is controller and who processor",
        )
        .with_help(
            "add `roles:` with `independent_controllers`, `joint_controllers`, or `controller_processor` and the `controller`",
        ),
    );
}
