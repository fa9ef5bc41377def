// Lot events: what happened to the contract after award. Each event is read, then checked against its
// kind and against the lot it changes, so that the target computed from it (hours/target.hpp) is the one
// the contract says; every mistake is reported with its position, one message per mistake.
#include "events.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/text/french.hpp"

namespace clausier::tender::detail {

namespace {

using io::MapReader;
using yaml::Node;

constexpr std::pair<std::string_view, EventKind> kinds[] = {{"tranche-exercised", EventKind::tranche_exercised},
                                                            {"amendment", EventKind::amendment},
                                                            {"orders", EventKind::orders},
                                                            {"end-changed", EventKind::end_changed},
                                                            {"terminated", EventKind::terminated}};

// What each kind takes besides date, kind and note, as messages say it.
std::string_view takes(EventKind k) {
  switch (k) {
    case EventKind::tranche_exercised: return "« tranche » (une tranche optionnelle du lot)";
    case EventKind::amendment:
      return "« amount » (le nouveau montant du lot, ou de la tranche nommée par « tranche »), ou « hours »";
    case EventKind::orders: return "« amount » (le montant cumulé des commandes)";
    case EventKind::end_changed: return "« end » (la nouvelle date de fin)";
    case EventKind::terminated: return "« executed_amount » (le montant exécuté), ou « hours »";
  }
  return "";
}

bool accepts(EventKind k, std::string_view field) {
  switch (k) {
    case EventKind::tranche_exercised: return field == "tranche";
    case EventKind::amendment: return field == "tranche" || field == "amount" || field == "hours";
    case EventKind::orders: return field == "amount";
    case EventKind::end_changed: return field == "end";
    case EventKind::terminated: return field == "executed_amount" || field == "hours";
  }
  return false;
}

// A field that is present, with the position it was written at (even when its value was invalid).
struct Written {
  std::string_view key;
  const Node* node;
};

class EventReader {
 public:
  EventReader(io::Reader& r, Lot& lot, const std::string& where)
      : r_(r), lot_(lot), where_(where),
        of_lot_(lot.id.value.empty() ? std::string("du lot") : fmt::format("du lot {}", quoted(lot.id.value))) {}

  void read(const Node& list) {
    if (!r_.expect_kind(list, yaml::Kind::sequence, "events")) return;
    if (!list.items.empty() && !lot_.award)
      r_.error("event-award", list.pos,
               fmt::format("{} n'est pas attribué (pas de « award ») : ses événements n'ont pas de marché auquel "
                           "s'appliquer",
                           where_),
               "ajoutez « award » (titulaire et date de notification), ou retirez « events »");
    for (const Node& item : list.items) {
      if (!r_.expect_kind(item, yaml::Kind::map, "événement")) continue;
      Event e;
      e.pos = item.pos;
      std::vector<Written> written;
      bool kind_known = false, date_known = false;
      {
        MapReader m(r_, item, fmt::format("un événement du lot {}", quoted(lot_.id.value)));
        if (auto v = m.require("date", "la date de l'événement, AAAA-MM-JJ"))
          if (auto d = r_.date(*v, "date")) {
            e.date = {*d, v->pos};
            date_known = true;
          }
        if (auto v = m.require("kind", "tranche-exercised, amendment, orders, end-changed ou terminated"))
          if (auto k = r_.choice<EventKind>(*v, "kind", kinds)) {
            e.kind = {*k, v->pos};
            kind_known = true;
          }
        if (auto v = m.get("note"))
          if (auto s = r_.string(*v, "note")) e.note = *s;
        auto field = [&](std::string_view key, auto read_value, auto& out) {
          if (const Node* v = m.get(key)) {
            written.push_back({key, v});
            if (auto x = read_value(*v, key)) out = {*x, v->pos};
          }
        };
        field("tranche", [&](const Node& v, std::string_view f) { return r_.identifier(v, f); }, e.tranche);
        field("amount", [&](const Node& v, std::string_view f) { return r_.number(v, f, io::positive, "€"); }, e.amount);
        field("hours", [&](const Node& v, std::string_view f) { return r_.number(v, f, io::positive, "h"); }, e.hours);
        field("end", [&](const Node& v, std::string_view f) { return r_.date(v, f); }, e.end);
        field("executed_amount",
              [&](const Node& v, std::string_view f) { return r_.number(v, f, io::non_negative, "€"); },
              e.executed_amount);
        m.finish();
      }
      if (kind_known && fields_fit(e, written, item)) fits_lot(e, written);
      if (date_known) check_date(e);
      lot_.events.push_back(std::move(e));
    }
  }

 private:
  std::string what(const Event& e) const {
    return fmt::format("l'événement « {} » ({}) du {}", name(e.kind.value), label(e.kind.value),
                       text::format_date_long(e.date.value));
  }
  static bool has(const std::vector<Written>& written, std::string_view key) {
    return std::any_of(written.begin(), written.end(), [&](const Written& w) { return w.key == key; });
  }
  static Position at(const std::vector<Written>& written, std::string_view key) {
    for (const Written& w : written)
      if (w.key == key) return w.node->pos;
    return {};
  }

  // The fields fit the kind: none it does not take, the one it needs, never two that exclude each other.
  bool fits_fail(Position pos, std::string message, std::string hint) {
    r_.error("event-field", pos, std::move(message), std::move(hint));
    return false;
  }
  bool fields_fit(const Event& e, const std::vector<Written>& written, const Node& item) {
    EventKind k = e.kind.value;
    bool ok = true;
    for (const Written& w : written)
      if (!accepts(k, w.key))
        ok = fits_fail(w.node->pos,
                       fmt::format("{} ne sert pas à un événement « {} » ({}) : il prend {}", quoted(w.key), name(k),
                                   label(k), takes(k)),
                       fmt::format("retirez « {} », ou écrivez un second événement à la même date", w.key));
    if (!ok) return false;
    auto one_of = [&](std::string_view a, std::string_view b) {
      if (has(written, a) && has(written, b))
        return fits_fail(at(written, b), fmt::format("{} et {} ensemble : un événement « {} » donne l'un ou l'autre",
                                                     quoted(a), quoted(b), name(k)),
                         fmt::format("gardez « {} » ou « {} »", a, b));
      if (has(written, a) || has(written, b)) return true;
      r_.error("schema-required", item.pos,
               fmt::format("{} {} : champ {} ou {} manquant ; il prend {}", what(e), of_lot_, quoted(a), quoted(b), takes(k)),
               fmt::format("ajoutez « {}: … » ou « {}: … » à l'événement", a, b));
      return false;
    };
    auto need = [&](std::string_view key) {
      if (has(written, key)) return true;
      r_.error("schema-required", item.pos,
               fmt::format("{} {} : champ {} manquant ; il prend {}", what(e), of_lot_, quoted(key), takes(k)),
               fmt::format("ajoutez « {}: … » à l'événement", key));
      return false;
    };
    switch (k) {
      case EventKind::tranche_exercised: return need("tranche");
      case EventKind::orders: return need("amount");
      case EventKind::end_changed: return need("end");
      case EventKind::terminated: return one_of("executed_amount", "hours");
      case EventKind::amendment:
        if (!one_of("amount", "hours")) return false;
        if (has(written, "tranche") && !has(written, "amount"))
          return fits_fail(at(written, "tranche"),
                           "« tranche » va avec « amount » : un avenant en heures (« hours ») fixe l'objectif du lot entier",
                           "donnez le nouveau montant de la tranche (« amount »), ou retirez « tranche »");
        return true;
    }
    return true;
  }

  // The event fits the lot: its tranche exists (and is optional, and not exercised yet), an amount can be
  // turned into hours by the lot's method, orders are for a framework agreement.
  void fits_lot(const Event& e, const std::vector<Written>& written) {
    EventKind k = e.kind.value;
    if (e.tranche) {
      const Tranche* tr = tranche(*e.tranche);
      if (tr == nullptr) return;
      if (k == EventKind::tranche_exercised) exercised(e, *tr);
      return;
    }
    const std::string_view amount_key = k == EventKind::terminated ? "executed_amount" : "amount";
    if (!has(written, amount_key)) return;
    Position pos = at(written, amount_key);
    if (k == EventKind::orders && !lot_.framework) {
      r_.error("event-lot", pos,
               fmt::format("{} n'est pas un accord-cadre (pas de « framework ») : « orders » ne s'applique qu'aux "
                           "accords-cadres à bons de commande",
                           where_),
               "un avenant qui change le montant du lot s'écrit « kind: amendment »");
      return;
    }
    Method method = lot_.method.value;
    if (method == Method::fixed || method == Method::fte) {
      r_.error("event-lot", pos,
               fmt::format("{} a la méthode {} : ses heures ne se calculent pas sur un montant", where_, name(method)),
               "donnez « hours » : les heures convenues par les parties");
      return;
    }
    if (k == EventKind::amendment && !lot_.tranches.empty())
      r_.error("event-tranche", pos,
               fmt::format("{} a des tranches : un avenant de montant nomme la tranche qu'il modifie", where_),
               fmt::format("ajoutez « tranche: {} » (ou la tranche concernée), ou donnez « hours » pour l'objectif du "
                           "lot entier",
                           lot_.tranches.front().id.value));
  }

  const Tranche* tranche(const Located<std::string>& id) {
    std::vector<std::string> ids;
    for (const Tranche& tr : lot_.tranches) {
      if (tr.id.value == id.value) return &tr;
      ids.push_back(tr.id.value);
    }
    if (ids.empty()) {
      r_.error("event-tranche", id.pos, fmt::format("{} n'a pas de tranches : la tranche {} n'existe pas", where_, quoted(id.value)),
               "retirez « tranche », ou décrivez les tranches du lot (« tranches »)");
      return nullptr;
    }
    std::string suggestion = closest_match(id.value, ids);
    r_.error("event-tranche", id.pos,
             fmt::format("tranche {} inconnue {} (ses tranches : {})", quoted(id.value), of_lot_, join(ids, ", ")),
             suggestion.empty() ? fmt::format("nommez une tranche du lot : {}", join(ids, ", "))
                                : fmt::format("vouliez-vous dire {} ?", quoted(suggestion)));
    return nullptr;
  }

  void exercised(const Event& e, const Tranche& tr) {
    if (tr.kind == TrancheKind::firm) {
      r_.error("event-tranche", e.tranche->pos,
               fmt::format("la tranche {} {} est ferme : elle est due dès la notification, elle ne s'affermit pas",
                           quoted(tr.id.value), of_lot_),
               "nommez une tranche optionnelle, ou retirez l'événement");
      return;
    }
    for (const Event& earlier : lot_.events)
      if (earlier.kind.value == EventKind::tranche_exercised && earlier.tranche && earlier.tranche->value == tr.id.value) {
        r_.error("event-tranche", e.tranche->pos,
                 fmt::format("la tranche {} est déjà affermie par l'événement de la ligne {}", quoted(tr.id.value),
                             earlier.pos.line),
                 "retirez l'un des deux événements");
        return;
      }
  }

  // After the notification, in date order, nothing after a termination; a new end after the start.
  void check_date(const Event& e) {
    Date d = e.date.value;
    if (lot_.award && lot_.award->notified && d < lot_.award->notified->value)
      r_.error("event-date", e.date.pos,
               fmt::format("l'événement du {} précède la notification {} ({})", text::format_date_long(d), of_lot_,
                           text::format_date_long(lot_.award->notified->value)),
               "vérifiez la date : un marché ne change qu'après sa notification");
    if (previous_ && d < previous_->date.value)
      r_.error("event-date", e.date.pos,
               fmt::format("l'événement du {} est écrit après celui du {} (ligne {}) : les événements s'écrivent dans "
                           "l'ordre des dates",
                           text::format_date_long(d), text::format_date_long(previous_->date.value), previous_->pos.line),
               "remettez les événements du lot dans l'ordre chronologique");
    else if (terminated_)
      r_.error("event-date", e.date.pos,
               fmt::format("{} est résilié le {} (ligne {}) : aucun événement ne peut suivre la résiliation", where_,
                           text::format_date_long(terminated_->date.value), terminated_->pos.line),
               "retirez l'événement, ou placez-le avant la résiliation");
    if (e.end && lot_.start && e.end->value < lot_.start->value)
      r_.error("event-date", e.end->pos,
               fmt::format("la nouvelle fin {} ({}) précède son début ({})", of_lot_, text::format_date_long(e.end->value),
                           text::format_date_long(lot_.start->value)),
               "vérifiez « end » : la fin vient après le début");
    previous_ = e;
    if (e.kind.value == EventKind::terminated && !terminated_) terminated_ = e;
  }

  io::Reader& r_;
  Lot& lot_;
  const std::string& where_;  // "le lot « 2 »"
  std::string of_lot_;        // "du lot « 2 »"
  std::optional<Event> previous_, terminated_;  // copies: lot_.events grows while they are in use
};

}  // namespace

void read_events(io::Reader& reader, const yaml::Node& list, Lot& lot, const std::string& where) {
  EventReader(reader, lot, where).read(list);
}

}  // namespace clausier::tender::detail
